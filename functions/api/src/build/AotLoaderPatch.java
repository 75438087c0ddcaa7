import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build step of the API function (pom.xml, right after the Micronaut AOT analysis; a single-file program run by
 * the java launcher). The JIT service loaders AOT 2.8 generates start one class-loading task per listed type, each
 * task a lambda of its own: ~250 lambdas, each spun into a class of its own when the loader initializes, at every
 * cold start (~25 ms of the API function's first request, infra/docs/BENCHMARKS.md). This rewrites each such block
 * into one loop over the loader's own type list (the same tasks in the same order, one lambda) and compiles the
 * rewritten sources over the generated classes. It fails the build when no generated source has that shape any
 * more, so that an AOT upgrade that changes it is noticed rather than silently unpatched.
 *
 * <pre>java AotLoaderPatch.java &lt;AOT output directory&gt; &lt;runtime class path&gt;</pre>
 */
public class AotLoaderPatch {

    private static final Pattern PER_TYPE_TASKS =
            Pattern.compile("(\\n    pool\\.submit\\(\\(\\) -> loadClass\\(cl, \"[^\"]+\"\\)\\);)+");
    private static final String ONE_TASK_PER_TYPE_IN_A_LOOP =
            "\n    for (String type : SERVICE_TYPES) {\n      pool.submit(() -> loadClass(cl, type));\n    }";

    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0], "sources");
        Path classes = Path.of(args[0], "classes");
        List<String> rewritten = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher tasks = PER_TYPE_TASKS.matcher(source);
                if (!tasks.find()) {
                    continue;
                }
                String loop = tasks.replaceFirst(Matcher.quoteReplacement(ONE_TASK_PER_TYPE_IN_A_LOOP));
                if (loop.contains("pool.submit(() -> loadClass(cl, \"") || !loop.contains("String[] SERVICE_TYPES")) {
                    throw new IllegalStateException(file + ": per-type tasks outside one block, or no SERVICE_TYPES");
                }
                Files.writeString(file, loop);
                rewritten.add(file.toString());
            }
        }
        if (rewritten.isEmpty()) {
            throw new IllegalStateException("no generated service loader with per-type tasks under " + sources
                    + ": Micronaut AOT's generated code changed; revisit this build step (functions/api/pom.xml)");
        }
        List<String> javac = new ArrayList<>(List.of("--release", "21", "-nowarn", "-proc:none",
                "-cp", classes + File.pathSeparator + args[1], "-d", classes.toString()));
        javac.addAll(rewritten);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler.run(null, null, null, javac.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("compiling the rewritten service loaders failed");
        }
        System.out.println("AotLoaderPatch: one loading task per type in a loop in " + rewritten.size() + " loaders");
    }
}
