"""template.yaml as CloudFormation builds it in one partition, for checkov (infra/bin/scan-template).

    render_partition.py TEMPLATE SAMCONFIG CONFIG_ENV PARTITION OUT.json

Conditions are evaluated with AWS::Partition = PARTITION and the parameters of CONFIG_ENV's parameter_overrides in
SAMCONFIG (defaults for the rest), as CloudFormation would: each Fn::If becomes its chosen branch, AWS::NoValue
disappears, and a resource or output whose Condition is false is left out. Everything else stays as written (Refs,
Subs, Transform, Globals). The inline `# checkov:skip=ID:reason` comments of each resource, which a JSON rendering
cannot carry, become the same skips in its Metadata (checkov reads both), so a skip means the same in every rendering.
"""
import json
import re
import shlex
import sys
import tomllib

import yaml

SKIP = re.compile(r"#\s*checkov:skip=([A-Za-z0-9_]+)(?::(.*))?$")
RESOURCE = re.compile(r"^  ([A-Za-z0-9]+):\s*$")


class CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short tags (!Ref, !GetAtt, !Sub, !If, ...) read as their long forms."""


def _tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if suffix == "Ref":
        return {"Ref": value}
    if suffix == "Condition":
        return {"Condition": value}
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {"Fn::" + suffix: value}


CfnLoader.add_multi_constructor("!", _tag)


def skips_by_resource(text):
    """Resource logical id -> [(check id, reason)] from the comments inside each resource's lines."""
    skips, current, in_resources = {}, None, False
    for line in text.splitlines():
        if line and not line.startswith((" ", "#")):
            in_resources = line.startswith("Resources:")
            current = None
            continue
        if not in_resources:
            continue
        m = RESOURCE.match(line)
        if m:
            current = m.group(1)
            continue
        s = SKIP.search(line)
        if s and current:
            skips.setdefault(current, []).append((s.group(1), (s.group(2) or "").strip()))
    return skips


def parameter_values(template, samconfig, env):
    values = {k: str(v.get("Default", "")) for k, v in template.get("Parameters", {}).items()}
    with open(samconfig, "rb") as f:
        overrides = tomllib.load(f)[env]["deploy"]["parameters"].get("parameter_overrides", [])
    if isinstance(overrides, str):
        overrides = shlex.split(overrides)
    for o in overrides:
        k, v = o.split("=", 1)
        values[k] = v
    return values


class Resolver:
    def __init__(self, template, values):
        self.conditions = template.get("Conditions", {})
        self.values = values
        self.cache = {}

    def value(self, v):
        if isinstance(v, dict) and "Ref" in v:
            if v["Ref"] not in self.values:
                raise ValueError(f"condition refers to {v['Ref']}, which this renderer does not know")
            return self.values[v["Ref"]]
        if isinstance(v, dict):
            raise ValueError(f"condition value not understood: {v}")
        return str(v)

    def evaluate(self, c):
        (fn, args), = c.items()
        if fn == "Condition":
            return self.condition(args)
        if fn == "Fn::Equals":
            return self.value(args[0]) == self.value(args[1])
        if fn == "Fn::Not":
            return not self.evaluate(args[0])
        if fn == "Fn::And":
            return all(self.evaluate(a) for a in args)
        if fn == "Fn::Or":
            return any(self.evaluate(a) for a in args)
        raise ValueError(f"condition function not understood: {fn}")

    def condition(self, name):
        if name not in self.cache:
            self.cache[name] = self.evaluate(self.conditions[name])
        return self.cache[name]

    NO_VALUE = object()

    def resolve(self, node):
        if isinstance(node, dict):
            if set(node) == {"Fn::If"}:
                name, yes, no = node["Fn::If"]
                return self.resolve(yes if self.condition(name) else no)
            if node == {"Ref": "AWS::NoValue"}:
                return self.NO_VALUE
            out = {}
            for k, v in node.items():
                r = self.resolve(v)
                if r is not self.NO_VALUE:
                    out[k] = r
            return out
        if isinstance(node, list):
            return [r for r in (self.resolve(v) for v in node) if r is not self.NO_VALUE]
        return node


def main(template_path, samconfig, env, partition, out_path):
    with open(template_path, encoding="utf-8") as f:
        text = f.read()
    template = yaml.load(text, Loader=CfnLoader)
    values = parameter_values(template, samconfig, env)
    values.update({"AWS::Partition": partition, "AWS::URLSuffix": "amazonaws.com.cn" if partition == "aws-cn" else "amazonaws.com"})
    resolver = Resolver(template, values)
    out = dict(template)
    for section in ("Resources", "Outputs"):
        kept = {}
        for name, body in template.get(section, {}).items():
            if "Condition" in body and not resolver.condition(body["Condition"]):
                continue
            kept[name] = resolver.resolve(body)
        out[section] = kept
    out["Globals"] = resolver.resolve(template.get("Globals", {}))
    for name, skips in skips_by_resource(text).items():
        if name in out["Resources"]:
            metadata = out["Resources"][name].setdefault("Metadata", {})
            metadata.setdefault("checkov", {}).setdefault("skip", []).extend(
                {"id": check, "comment": reason} for check, reason in skips)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
    print(f"{out_path}: {template_path} for {partition} (parameters of config env {env}), "
          f"{len(out['Resources'])} resources")


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
