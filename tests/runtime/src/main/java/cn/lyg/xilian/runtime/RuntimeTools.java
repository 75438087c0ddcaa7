package cn.lyg.xilian.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the emulator and the runtime interface client live: {@code .local/bin/aws-lambda-rie} and
 * {@code .local/lambda-runtime/*.jar} in the checkout. They are installed by {@code infra/bin/lambda install}
 * (Go module proxy, Maven Central; the versions are pinned there, in infra/bin/lib.sh); {@link #ensureInstalled()}
 * runs it when something is missing.
 */
public record RuntimeTools(Path root) {

    /** The runtime's entry point: the managed java21 runtime starts the same class. */
    public static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final List<String> CLIENT_JARS = List.of(
            "aws-lambda-java-runtime-interface-client-2.10.1.jar",
            // Part of the managed runtime (not in the function jars): the runtime's own serializers.
            "aws-lambda-java-serialization-1.4.1.jar");

    /** The checkout: system property {@code xilian.root}, else the first directory above user.dir with template.yaml. */
    public static RuntimeTools locate() {
        String configured = System.getProperty("xilian.root");
        if (configured != null && !configured.isBlank()) {
            return new RuntimeTools(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("template.yaml")) && Files.isDirectory(d.resolve("infra/bin"))) {
                return new RuntimeTools(d);
            }
        }
        throw new IllegalStateException("cannot find the checkout (template.yaml and infra/bin) above "
                + System.getProperty("user.dir") + "; set -Dxilian.root");
    }

    public Path template() {
        return root.resolve("template.yaml");
    }

    public Path emulator() {
        return root.resolve(".local/bin/aws-lambda-rie");
    }

    public List<Path> clientJars() {
        return CLIENT_JARS.stream().map(j -> root.resolve(".local/lambda-runtime").resolve(j)).toList();
    }

    public boolean installed() {
        return Files.isExecutable(emulator()) && clientJars().stream().allMatch(Files::isRegularFile);
    }

    /** Installs the emulator and the client jars with infra/bin/lambda install when missing. */
    public RuntimeTools ensureInstalled() {
        if (installed()) {
            return this;
        }
        try {
            Process p = new ProcessBuilder(root.resolve("infra/bin/lambda").toString(), "install")
                    .directory(root.toFile()).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("infra/bin/lambda install failed (needs go and mvn on PATH)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run infra/bin/lambda install: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the Lambda runtime", e);
        }
        if (!installed()) {
            throw new IllegalStateException("after infra/bin/lambda install, still missing: " + emulator()
                    + " or " + clientJars());
        }
        return this;
    }
}
