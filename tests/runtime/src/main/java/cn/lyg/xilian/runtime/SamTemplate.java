package cn.lyg.xilian.runtime;

import cn.lyg.xilian.testkit.aws.CloudFormationYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml as the Lambda service would configure a function from it: handler, code, memory, timeout and
 * environment (Globals merged with the function's own), with the intrinsic functions the template uses
 * resolved ({@code Ref} to parameters, pseudo parameters and resources, {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::GetAtt}, {@code Fn::If}, {@code Fn::Select}).
 *
 * <p>Parameters take their {@code Default} unless overridden. Resources have no physical names here, so a
 * {@code Ref}/{@code Fn::GetAtt} to a resource resolves only through {@link Stage#resources()} (e.g.
 * {@code XilianTable → xilian-local}); anything else is an error that names the missing key, never a guess.
 */
public final class SamTemplate {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Path file;
    private final Map<String, Object> root;

    private SamTemplate(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    /** Where the physical world is: parameter overrides, resource names, region, account. */
    public record Stage(Map<String, String> parameters, Map<String, String> resources, String region,
                        String accountId) {
        public Stage {
            parameters = Map.copyOf(parameters);
            resources = Map.copyOf(resources);
        }

        /** The local stand-in: {@code us-east-1}, LocalStack's and moto's default account. */
        public static Stage local(Map<String, String> resources) {
            return new Stage(Map.of(), resources, "us-east-1", "000000000000");
        }

        public Stage withParameters(Map<String, String> overrides) {
            Map<String, String> merged = new LinkedHashMap<>(parameters);
            merged.putAll(overrides);
            return new Stage(merged, resources, region, accountId);
        }

        public Stage withResources(Map<String, String> more) {
            Map<String, String> merged = new LinkedHashMap<>(resources);
            merged.putAll(more);
            return new Stage(parameters, merged, region, accountId);
        }
    }

    public static SamTemplate read(Path file) {
        try {
            return new SamTemplate(file, CloudFormationYaml.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Logical ids of the template's functions ({@code AWS::Serverless::Function}), in template order. */
    public List<String> functionIds() {
        List<String> ids = new ArrayList<>();
        map(root, "Resources").forEach((id, r) -> {
            if ("AWS::Serverless::Function".equals(((Map<?, ?>) r).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Logical ids of resources of a type, e.g. {@code AWS::DynamoDB::Table}. */
    public List<String> resourceIds(String type) {
        List<String> ids = new ArrayList<>();
        map(root, "Resources").forEach((id, r) -> {
            if (type.equals(((Map<?, ?>) r).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * The {@code Events} of a function with the given type (e.g. {@code ScheduleV2}, {@code DynamoDB}): event name
     * → its raw {@code Properties} (intrinsics in long form).
     */
    public Map<String, Map<String, Object>> events(String functionId, String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        map(map(map(map(root, "Resources"), functionId), "Properties"), "Events").forEach((name, e) -> {
            if (type.equals(((Map<?, ?>) e).get("Type"))) {
                out.put(name, map(e, "Properties"));
            }
        });
        return out;
    }

    /** A resource's raw {@code Properties}. */
    public Map<String, Object> resourceProperties(String logicalId) {
        return map(map(map(root, "Resources"), logicalId), "Properties");
    }

    /** The function as Lambda would run it, with every value resolved for the stage. */
    public FunctionSpec function(String logicalId, Stage stage) {
        Map<String, Object> resources = map(root, "Resources");
        Object resource = resources.get(logicalId);
        if (resource == null || !"AWS::Serverless::Function".equals(((Map<?, ?>) resource).get("Type"))) {
            throw new IllegalArgumentException("no function " + logicalId + " in " + file + "; functions: "
                    + functionIds());
        }
        Map<String, Object> properties = map(resource, "Properties");
        Map<String, Object> globals = map(map(root, "Globals"), "Function");
        Resolver resolver = new Resolver(stage);

        Map<String, String> environment = new LinkedHashMap<>();
        map(map(globals, "Environment"), "Variables")
                .forEach((k, v) -> environment.put(k, resolver.string(v)));
        map(map(properties, "Environment"), "Variables")
                .forEach((k, v) -> environment.put(k, resolver.string(v)));

        String handler = resolver.string(first(properties, globals, "Handler", null));
        String codeUri = resolver.string(first(properties, globals, "CodeUri", null));
        String runtime = resolver.string(first(properties, globals, "Runtime", null));
        int memory = Integer.parseInt(resolver.string(first(properties, globals, "MemorySize", 128)));
        int timeout = Integer.parseInt(resolver.string(first(properties, globals, "Timeout", 3)));
        Object logging = first(properties, globals, "LoggingConfig", Map.of());
        String logFormat = resolver.string(((Map<?, ?>) logging).get("LogFormat") == null ? "Text"
                : ((Map<?, ?>) logging).get("LogFormat"));
        if (handler == null || codeUri == null) {
            throw new IllegalArgumentException(logicalId + " has no Handler or CodeUri in " + file);
        }
        Path root = file.toAbsolutePath().getParent();
        return new FunctionSpec(logicalId, handler, runtime, root.resolve(codeUri).normalize(),
                memory, timeout, logFormat, environment);
    }

    private static Object first(Map<String, Object> properties, Map<String, Object> globals, String key,
                                Object fallback) {
        if (properties.containsKey(key)) {
            return properties.get(key);
        }
        return globals.getOrDefault(key, fallback);
    }

    /** Resolves intrinsic functions to plain strings (or lists of them). */
    private final class Resolver {
        private final Stage stage;

        Resolver(Stage stage) {
            this.stage = stage;
        }

        String string(Object value) {
            Object v = resolve(value);
            if (v instanceof List<?> list) {
                return String.join(",", list.stream().map(String::valueOf).toList());
            }
            return v == null ? null : String.valueOf(v);
        }

        Object resolve(Object value) {
            if (value == null || value instanceof String) {
                return value;
            }
            if (value instanceof Number n) {
                return n instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : n.toString();
            }
            if (value instanceof Boolean b) {
                return b.toString();
            }
            if (value instanceof List<?> list) {
                return list.stream().map(this::resolve).toList();
            }
            Map<?, ?> m = (Map<?, ?>) value;
            if (m.size() != 1) {
                throw new IllegalArgumentException("cannot resolve " + value + " (not an intrinsic function)");
            }
            Map.Entry<?, ?> fn = m.entrySet().iterator().next();
            Object arg = fn.getValue();
            return switch (String.valueOf(fn.getKey())) {
                case "Ref" -> ref(String.valueOf(arg));
                case "Fn::GetAtt" -> {
                    List<?> parts = (List<?>) arg;
                    yield attribute(parts.get(0) + "." + parts.get(1));
                }
                case "Fn::Join" -> {
                    List<?> args = (List<?>) arg;
                    Object items = resolve(args.get(1));
                    List<?> list = items instanceof List<?> l ? l : List.of(items);
                    yield String.join(String.valueOf(args.get(0)), list.stream().map(String::valueOf).toList());
                }
                case "Fn::Sub" -> sub(arg);
                case "Fn::Select" -> {
                    List<?> args = (List<?>) arg;
                    Object items = resolve(args.get(1));
                    yield ((List<?>) items).get(Integer.parseInt(String.valueOf(resolve(args.get(0)))));
                }
                case "Fn::If" -> {
                    List<?> args = (List<?>) arg;
                    yield resolve(condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2));
                }
                default -> throw new IllegalArgumentException("cannot resolve " + fn.getKey() + " in " + value);
            };
        }

        private Object ref(String name) {
            switch (name) {
                case "AWS::Region":
                    return stage.region();
                case "AWS::AccountId":
                    return stage.accountId();
                case "AWS::Partition":
                    return stage.region().startsWith("cn-") ? "aws-cn" : "aws";
                case "AWS::URLSuffix":
                    return stage.region().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
                case "AWS::StackName":
                    return stage.resources().getOrDefault("AWS::StackName", "local");
                default:
                    break;
            }
            Map<String, Object> parameters = map(root, "Parameters");
            if (parameters.containsKey(name)) {
                Map<String, Object> p = map(parameters, name);
                Object v = stage.parameters().containsKey(name) ? stage.parameters().get(name) : p.get("Default");
                if (v == null) {
                    throw new IllegalArgumentException("parameter " + name + " has no Default: pass a value for it");
                }
                String type = String.valueOf(p.get("Type"));
                if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
                    return v instanceof List<?> l ? resolve(l)
                            : List.of(String.valueOf(resolve(v)).split("\\s*,\\s*"));
                }
                return resolve(v);
            }
            if (map(root, "Resources").containsKey(name)) {
                String physical = stage.resources().get(name);
                if (physical == null) {
                    throw new IllegalArgumentException("resource " + name + " has no local name: give it one ("
                            + name + "=…) among the stage's resources " + stage.resources().keySet());
                }
                return physical;
            }
            throw new IllegalArgumentException("Ref to unknown name " + name);
        }

        private Object attribute(String resourceAndAttribute) {
            String v = stage.resources().get(resourceAndAttribute);
            if (v == null) {
                throw new IllegalArgumentException("no local value for Fn::GetAtt " + resourceAndAttribute
                        + ": give one among the stage's resources");
            }
            return v;
        }

        private Object sub(Object arg) {
            String text;
            Map<?, ?> variables = Map.of();
            if (arg instanceof List<?> list) {
                text = String.valueOf(list.get(0));
                variables = (Map<?, ?>) list.get(1);
            } else {
                text = String.valueOf(arg);
            }
            Matcher m = SUB_VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1).strip();
                Object v;
                if (variables.containsKey(name)) {
                    v = resolve(variables.get(name));
                } else if (name.contains(".") && !name.startsWith("AWS::")) {
                    v = attribute(name);
                } else {
                    v = ref(name);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(v)));
            }
            m.appendTail(out);
            return out.toString().replace("${!", "${");
        }

        private boolean condition(String name) {
            Object c = map(root, "Conditions").get(name);
            if (c == null) {
                throw new IllegalArgumentException("unknown condition " + name);
            }
            return truth(c);
        }

        private boolean truth(Object c) {
            Map<?, ?> m = (Map<?, ?>) c;
            Map.Entry<?, ?> fn = m.entrySet().iterator().next();
            List<?> args = fn.getValue() instanceof List<?> l ? l : List.of(fn.getValue());
            return switch (String.valueOf(fn.getKey())) {
                case "Fn::Equals" -> String.valueOf(resolve(args.get(0))).equals(String.valueOf(resolve(args.get(1))));
                case "Fn::Not" -> !truth(args.get(0));
                case "Fn::And" -> args.stream().allMatch(this::truth);
                case "Fn::Or" -> args.stream().anyMatch(this::truth);
                case "Condition" -> condition(String.valueOf(fn.getValue()));
                default -> throw new IllegalArgumentException("cannot evaluate condition " + c);
            };
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object parent, String key) {
        Object v = ((Map<String, Object>) parent).get(key);
        return v == null ? Map.of() : (Map<String, Object>) v;
    }
}
