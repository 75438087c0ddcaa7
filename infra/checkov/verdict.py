"""Fails unless every checkov check on the template passed or was skipped with a reason (infra/bin/scan-template).

    verdict.py NAME RESULTS.json

RESULTS.json is checkov's `-o json` report of one template. Fails on a failed check, a parsing error, a skip
without a reason (checkov records "No comment provided"), a reason too short to be one, or a scan that checked
nothing at all.
"""
import json
import sys

MIN_REASON = 40  # characters: "not needed" is no reason; a reason says why, and what it would cost


def main(name, path):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    reports = report if isinstance(report, list) else [report]
    problems, passed, skipped, failed = [], 0, 0, 0
    for r in reports:
        results = r.get("results", {})
        passed += len(results.get("passed_checks", []))
        for c in results.get("failed_checks", []):
            failed += 1
            lines = "-".join(str(n) for n in c.get("file_line_range", []))
            problems.append(f"FAILED {c['check_id']} {c['resource']} (lines {lines}): {c['check_name']}")
        for c in results.get("skipped_checks", []):
            skipped += 1
            reason = (c.get("check_result", {}).get("suppress_comment") or "").strip()
            if reason == "No comment provided" or len(reason) < MIN_REASON:
                problems.append(f"SKIPPED WITHOUT A REASON {c['check_id']} {c['resource']}: {reason!r}")
        for e in r.get("summary", {}).get("parsing_errors", []) or []:
            problems.append(f"PARSING ERROR {e}")
    if passed + skipped + failed == 0:
        problems.append("checkov checked nothing (no CloudFormation resources found?)")
    for p in problems:
        print(f"{name}: {p}", file=sys.stderr)
    print(f"checkov {name}: {passed} passed, 0 failed, {skipped} skipped, each with its reason"
          if not problems else f"checkov {name}: FAILED ({len(problems)} problems; report: {path})")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
