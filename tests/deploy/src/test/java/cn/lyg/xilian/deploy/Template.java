package cn.lyg.xilian.deploy;

import cn.lyg.xilian.testkit.aws.CloudFormationYaml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** template.yaml, read once, with small accessors for the checks. */
final class Template {

    static final Path ROOT = Path.of(System.getProperty("xilian.root", "../.."));
    private static Template instance;

    final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    static synchronized Template get() throws IOException {
        if (instance == null) {
            instance = new Template(CloudFormationYaml.read(ROOT.resolve("template.yaml")));
        }
        return instance;
    }

    Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        map(root, "Resources").forEach((id, r) -> {
            if (type.equals(((Map<?, ?>) r).get("Type"))) {
                out.put(id, map(r, "Properties"));
            }
        });
        return out;
    }

    Map<String, Object> resource(String id) {
        return map(map(root, "Resources"), id);
    }

    Map<String, Object> globalFunctionEnvironment() {
        return map(map(map(map(root, "Globals"), "Function"), "Environment"), "Variables");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object parent, String key) {
        Object v = ((Map<String, Object>) parent).get(key);
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object parent, String key) {
        Object v = ((Map<String, Object>) parent).get(key);
        if (v == null) {
            return List.of();
        }
        return v instanceof List<?> l ? (List<Object>) l : List.of(v);
    }

    /** The allowed values of a parameter (e.g. MailTransport: ses, smtp). */
    List<String> allowedValues(String parameter) {
        return list(map(map(root, "Parameters"), parameter), "AllowedValues").stream().map(Object::toString).toList();
    }

    /**
     * {@code node} as deployed with the given parameter values: each {@code Fn::If} replaced by its chosen branch
     * (conditions of {@code Fn::Equals [Ref P, v]}, {@code Fn::Not}, {@code Condition}), {@code AWS::NoValue} dropped.
     */
    @SuppressWarnings("unchecked")
    Object resolve(Object node, Map<String, String> parameters) {
        if (node instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.containsKey("Fn::If")) {
                List<Object> f = (List<Object>) m.get("Fn::If");
                return resolve(condition((String) f.get(0), parameters) ? f.get(1) : f.get(2), parameters);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                Object r = resolve(v, parameters);
                if (r != NO_VALUE) {
                    out.put((String) k, r);
                }
            });
            return m.size() == 1 && "AWS::NoValue".equals(m.get("Ref")) ? NO_VALUE : out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(v -> resolve(v, parameters)).filter(v -> v != NO_VALUE).toList();
        }
        return node;
    }

    private static final Object NO_VALUE = new Object();

    private boolean condition(String name, Map<String, String> parameters) {
        return evaluate(map(root, "Conditions").get(name), parameters);
    }

    @SuppressWarnings("unchecked")
    private boolean evaluate(Object c, Map<String, String> parameters) {
        Map<String, Object> m = (Map<String, Object>) c;
        if (m.containsKey("Fn::Not")) {
            return !evaluate(((List<Object>) m.get("Fn::Not")).get(0), parameters);
        }
        if (m.containsKey("Condition")) {
            return condition((String) m.get("Condition"), parameters);
        }
        List<Object> eq = (List<Object>) m.get("Fn::Equals");
        if (eq == null) {
            throw new IllegalArgumentException("condition not understood by this check: " + c);
        }
        return value(eq.get(0), parameters).equals(value(eq.get(1), parameters));
    }

    private String value(Object v, Map<String, String> parameters) {
        if (v instanceof Map<?, ?> ref && ref.containsKey("Ref")) {
            String p = (String) ref.get("Ref");
            return parameters.getOrDefault(p, String.valueOf(map(map(root, "Parameters"), p).get("Default")));
        }
        return String.valueOf(v);
    }
}
