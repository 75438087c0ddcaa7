package cn.lyg.xilian.testkit.aws;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation/SAM template with SnakeYAML. The short-form intrinsic tags ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub '…'}, {@code !If […]}, …) are turned into their long form
 * ({@code {Ref: X}}, {@code {Fn::GetAtt: [A, B]}}, {@code {Fn::Sub: '…'}}), so the checks see one shape.
 * Plain SnakeYAML would refuse the unknown tags. Used by tests/deploy (template checks) and tests/runtime
 * (functions configured from the template).
 */
public final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "Equals", "FindInMap", "GetAtt",
            "GetAZs", "If", "ImportValue", "Join", "Not", "And", "Or", "Select", "Split", "Sub", "Transform",
            "Length", "ToJsonString");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path template) throws IOException {
        try (Reader in = Files.newBufferedReader(template)) {
            return (Map<String, Object>) new Yaml(new Constructor()).load(in);
        }
    }

    private static final class Constructor extends SafeConstructor {
        Constructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String fn : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + fn), new Intrinsic("Fn::" + fn));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unexpected node " + node);
                };
                // !GetAtt Resource.Attribute is the short form of Fn::GetAtt: [Resource, Attribute].
                if (name.equals("Fn::GetAtt") && value instanceof String s) {
                    value = List.of(s.split("\\.", 2));
                }
                return Map.of(name, value);
            }
        }
    }
}
