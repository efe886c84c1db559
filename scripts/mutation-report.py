#!/usr/bin/env python3
"""Kill rates from PIT's reports, per module, per package and for the ruling engine (docs/testing.md).

Run after the two mutation runs in docs/testing.md (policy-eval, then policy-model).
Usage: scripts/mutation-report.py [--survivors] [--engine-floor PERCENT]
Reads <module>/target/pit-reports/mutations.xml and index.html; exits 1 when the ruling
engine's kill rate is below --engine-floor (default 90).
"""
import argparse
import collections
import os
import re
import sys
import xml.etree.ElementTree as ET

MODULES = ["policy-model", "policy-eval"]
# The ruling engine: the compiled policy and the engine that rules on an incident.
ENGINE = ("dev.precept.eval.internal.RulingEngine", "dev.precept.eval.internal.CompiledPolicy")


def mutations(module):
    path = os.path.join(module, "target", "pit-reports", "mutations.xml")
    if not os.path.exists(path):
        return None
    return ET.parse(path).getroot().findall("mutation")


def line_coverage(module):
    path = os.path.join(module, "target", "pit-reports", "index.html")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        legends = re.findall(r'coverage_legend">(\d+)/(\d+)<', f.read())
    return (int(legends[0][0]), int(legends[0][1])) if legends else None


def outer(cls):
    return cls.split("$")[0]


def package(cls):
    return cls.rsplit(".", 1)[0]


def rate(found):
    killed = sum(1 for m in found if m.get("detected") == "true")
    return killed, len(found), (100.0 * killed / len(found)) if found else 0.0


def row(name, found, coverage=None):
    killed, total, percent = rate(found)
    cov = f"{100.0 * coverage[0] / coverage[1]:.0f}% ({coverage[0]}/{coverage[1]})" if coverage else "-"
    print(f"| {name} | {total} | {killed} | {percent:.1f}% | {cov} |")
    return percent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--survivors", action="store_true", help="list surviving mutants, most per class first")
    parser.add_argument("--engine-floor", type=float, default=90.0)
    args = parser.parse_args()
    print("| scope | mutants | killed | kill rate | line coverage |")
    print("| --- | --- | --- | --- | --- |")
    engine = []
    everything = {}
    for module in MODULES:
        found = mutations(module)
        if found is None:
            print(f"| {module} | (no report) | | | |")
            continue
        everything[module] = found
        row(module, found, line_coverage(module))
        packages = sorted({package(m.findtext("mutatedClass")) for m in found})
        if len(packages) > 1:
            for name in packages:
                row(f"{module}, `{name}`", [m for m in found if package(m.findtext("mutatedClass")) == name])
        engine += [m for m in found if outer(m.findtext("mutatedClass")) in ENGINE]
    engine_rate = row("ruling engine (RulingEngine, CompiledPolicy)", engine) if engine else None
    if args.survivors:
        for module, found in everything.items():
            left = [m for m in found if m.get("detected") != "true"]
            by_class = collections.Counter(outer(m.findtext("mutatedClass")) for m in left)
            print(f"\n{module}: {len(left)} not killed")
            for cls, count in by_class.most_common():
                print(f"  {count:4d} {cls}")
                for m in left:
                    if outer(m.findtext("mutatedClass")) == cls:
                        print(f"         {m.get('status')} {m.findtext('mutatedMethod')}:{m.findtext('lineNumber')} "
                              f"{m.findtext('description')}")
    if engine_rate is not None and engine_rate < args.engine_floor:
        print(f"\nthe ruling engine's kill rate {engine_rate:.1f}% is below {args.engine_floor}%", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
