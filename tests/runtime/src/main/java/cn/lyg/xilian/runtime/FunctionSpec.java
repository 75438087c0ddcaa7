package cn.lyg.xilian.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One function of template.yaml, resolved: what Lambda would run. {@code environment} holds the template's
 * variables (Globals, then the function's), {@code JAVA_TOOL_OPTIONS} among them.
 */
public record FunctionSpec(String logicalId, String handler, String runtime, Path codeUri, int memoryMb,
                           int timeoutSeconds, String logFormat, Map<String, String> environment) {

    private static final Pattern MAKEFILE_JAR = Pattern.compile("(?m)^JAR\\s*:?=\\s*(\\S+)\\s*$");

    public FunctionSpec {
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /**
     * The deployment artifact: the jar the function's Makefile (template: {@code BuildMethod: makefile})
     * unpacks for {@code sam build}, e.g. functions/api/target/xilian-api.jar.
     */
    public Path jar() {
        Path makefile = codeUri.resolve("Makefile");
        try {
            Matcher m = MAKEFILE_JAR.matcher(Files.readString(makefile));
            if (!m.find()) {
                throw new IllegalStateException(makefile + " names no JAR := … (the artifact sam build unpacks)");
            }
            return codeUri.resolve(m.group(1)).normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + makefile, e);
        }
    }

    /** The same function with more (or replaced) environment variables, e.g. local endpoints. */
    public FunctionSpec withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(more);
        return new FunctionSpec(logicalId, handler, runtime, codeUri, memoryMb, timeoutSeconds, logFormat, merged);
    }

    public FunctionSpec withTimeout(int seconds) {
        return new FunctionSpec(logicalId, handler, runtime, codeUri, memoryMb, seconds, logFormat, environment);
    }
}
