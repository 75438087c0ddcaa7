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
}
