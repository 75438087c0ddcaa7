package cn.lyg.xilian.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What `sam build` deploys for a function: CodeUri is a directory with a Makefile whose
 * {@code build-<LogicalId>} target unpacks {@code JAR := target/…jar}. The jar is read from the Makefile,
 * so the checks open exactly the file SAM would ship.
 */
record FunctionArtifact(String logicalId, Path codeDir, Path jar) {

    private static final Pattern JAR_LINE = Pattern.compile("(?m)^JAR\\s*:=\\s*(\\S+)\\s*$");

    static FunctionArtifact of(String logicalId, String codeUri) throws IOException {
        Path dir = Template.ROOT.resolve(codeUri);
        Path makefile = dir.resolve("Makefile");
        assertThat(makefile).as("%s: BuildMethod makefile needs %s", logicalId, makefile).exists();
        String make = Files.readString(makefile);
        assertThat(make).as("%s: target in %s", logicalId, makefile).containsPattern("(?m)^build-" + logicalId + ":");
        Matcher m = JAR_LINE.matcher(make);
        assertThat(m.find()).as("%s: a 'JAR := …' line", makefile).isTrue();
        return new FunctionArtifact(logicalId, dir, dir.resolve(m.group(1)));
    }

    void requireBuilt() {
        assertThat(jar).as("%s: the built artifact (mvn package, or infra/bin/package)", logicalId).isRegularFile();
    }

    Optional<String> entry(String name) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            var e = j.getJarEntry(name);
            if (e == null) {
                return Optional.empty();
            }
            try (InputStream in = j.getInputStream(e)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    Set<String> entryNames() throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            Set<String> names = new TreeSet<>();
            j.stream().forEach(e -> names.add(e.getName()));
            return names;
        }
    }

    /** The function's declared AWS calls (aws-calls.txt next to its pom), as IAM actions. */
    /**
     * The calls its code declares for a deployment: a line {@code <action> when <Parameter>=<value>} counts only
     * when the template parameter has that value (e.g. the mail transport).
     */
    Set<String> declaredCalls(Map<String, String> parameters) throws IOException {
        Path file = codeDir.resolve("aws-calls.txt");
        assertThat(file).as("%s: its declared AWS calls (see functions/api/aws-calls.txt)", logicalId).isRegularFile();
        Set<String> calls = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] parts = s.split("\\s+when\\s+", 2);
            if (parts.length == 2) {
                String[] condition = parts[1].strip().split("=", 2);
                assertThat(parameters).as("%s: aws-calls.txt names parameter %s", logicalId, condition[0])
                        .containsKey(condition[0]);
                if (!condition[1].equals(parameters.get(condition[0]))) {
                    continue;
                }
            }
            calls.add(parts[0].strip());
        }
        return calls;
    }
}
