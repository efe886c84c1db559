#!/usr/bin/env python3
"""The rulings table of docs/performance.md, made from one JMH result file.

    java -jar policy-bench/target/benchmarks.jar 'RulingBenchmark|CasbinBenchmark' -prof gc \
        -rf json -rff rulings.json
    policy-bench/rulings-table.py rulings.json

or `policy-bench/rulings-table.sh`, which does both. Prints the Markdown table (p50 / p99 /
allocation per operation for each benchmark and policy size, jCasbin's p50 divided by Precept's)
and then issue 14's targets for rulings, each with the figure and "met" or "not met". Exits 1 when
the file lacks a benchmark the table needs, so a half-finished run never makes a half-empty table.
"""
import json
import sys

SIZES = [("seed", "seed (23 clauses)"), ("10", "10 clauses"), ("100", "100"), ("1000", "1,000"), ("10000", "10,000")]
BENCH = "dev.precept.bench."
ONE = BENCH + "RulingBenchmark.rulingForOneClause"
ROLE = BENCH + "RulingBenchmark.rulingForRoleAndCategory"
POSSIBLE = BENCH + "RulingBenchmark.possibleConsequences"
CASBIN = BENCH + "CasbinBenchmark.casbinEnforce"


def micros(value, unit):
    scale = {"ns/op": 0.001, "us/op": 1.0, "ms/op": 1000.0, "s/op": 1_000_000.0}
    if unit not in scale:
        sys.exit(f"rulings-table: unknown unit {unit!r}: run the benchmarks in sample or average-time mode")
    return value * scale[unit]


def read(path):
    try:
        with open(path, encoding="utf-8") as file:
            runs = json.load(file)
    except (OSError, ValueError) as problem:
        sys.exit(f"rulings-table: {path}: cannot be read as a JMH JSON result file ({problem})")
    found = {}
    for run in runs:
        metric = run["primaryMetric"]
        unit = metric["scoreUnit"]
        percentiles = metric.get("scorePercentiles", {})
        p50 = micros(percentiles.get("50.0", metric["score"]), unit)
        p99 = micros(percentiles["99.0"], unit) if "99.0" in percentiles else None
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        found[(run["benchmark"], run.get("params", {}).get("policy"))] = (p50, p99, alloc)
    return found


def bytes_text(value):
    if value is None:
        return "-"
    if value >= 1024 * 1024:
        return f"{value / (1024 * 1024):,.1f} MB"
    if value >= 10 * 1024:
        return f"{value / 1024:,.1f} KB"
    return f"{value:,.0f} B"


def time_text(value):
    if value is None:
        return "-"
    return f"{value:,.2f} µs" if value < 100 else f"{value:,.0f} µs"


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    found = read(argv[1])
    missing = [f"{name.rsplit('.', 1)[1]} ({size})" for name in (ONE, ROLE, POSSIBLE, CASBIN)
               for size, _ in SIZES if (name, size) not in found]
    if missing:
        sys.exit("rulings-table: the result file has no figures for " + ", ".join(missing))

    print("| policy | one clause: p50 / p99 / alloc | role + category: p50 / p99 / alloc "
          "| possibleConsequences p50 | jCasbin p50 / alloc | jCasbin ÷ one clause | jCasbin ÷ role + category |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for size, label in SIZES:
        one, role, possible, casbin = (found[(name, size)] for name in (ONE, ROLE, POSSIBLE, CASBIN))
        print(f"| {label} "
              f"| {time_text(one[0])} / {time_text(one[1])} / {bytes_text(one[2])} "
              f"| {time_text(role[0])} / {time_text(role[1])} / {bytes_text(role[2])} "
              f"| {time_text(possible[0])} "
              f"| {time_text(casbin[0])} / {bytes_text(casbin[2])} "
              f"| {casbin[0] / one[0]:,.1f}× | {casbin[0] / role[0]:,.1f}× |")

    seed_one, seed_role = found[(ONE, "seed")], found[(ROLE, "seed")]
    seed_casbin = found[(CASBIN, "seed")]
    slowest = min((found[(CASBIN, size)][0] / found[(ROLE, size)][0], label) for size, label in SIZES[1:])
    largest = found[(ROLE, "10000")][0] / seed_role[0]

    def verdict(ok):
        return "met" if ok else "not met"

    print()
    print(f"- explained seed ruling (one clause) under 0.3 µs p50: {time_text(seed_one[0])}, {verdict(seed_one[0] < 0.3)}")
    ratio = seed_casbin[0] / seed_role[0]
    print(f"- role + category at least 20× jCasbin on the seed: {ratio:,.1f}×, {verdict(ratio >= 20)}")
    print(f"- never slower than jCasbin from 10 to 10,000 clauses: closest {slowest[0]:,.1f}× at {slowest[1]}, "
          f"{verdict(slowest[0] >= 1)}")
    print(f"- 10,000-clause role + category within 3× the seed's: {largest:,.1f}×, {verdict(largest <= 3)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
