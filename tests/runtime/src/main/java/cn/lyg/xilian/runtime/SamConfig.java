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
 * The parameter overrides of one environment of infra/sam/samconfig.toml ({@code [<env>.deploy.parameters]
 * parameter_overrides = ["Name=Value", …]}), so a local run takes the same parameter values as
 * {@code sam deploy --config-env <env>} (the template has parameters without defaults, e.g. SenderEmail).
 */
public final class SamConfig {

    private static final Pattern ENTRY = Pattern.compile("\"([A-Za-z0-9]+)=([^\"]*)\"");

    private SamConfig() {
    }

    public static Map<String, String> parameterOverrides(Path samconfig, String environment) {
        String text;
        try {
            text = Files.readString(samconfig);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + samconfig, e);
        }
        String header = "[" + environment + ".deploy.parameters]";
        int at = text.indexOf(header);
        Map<String, String> out = new LinkedHashMap<>();
        if (at < 0) {
            return out;
        }
        int end = text.indexOf("\n[", at + header.length());
        String section = text.substring(at, end < 0 ? text.length() : end);
        int overrides = section.indexOf("parameter_overrides");
        if (overrides < 0) {
            return out;
        }
        int close = section.indexOf(']', overrides);
        Matcher m = ENTRY.matcher(section.substring(overrides, close < 0 ? section.length() : close));
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }
}
