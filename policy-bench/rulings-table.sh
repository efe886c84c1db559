#!/usr/bin/env bash
# Runs the rulings and jCasbin benchmarks in one JMH run and prints the table of
# docs/performance.md with issue 14's targets for rulings (policy-bench/rulings-table.py).
#
#   policy-bench/rulings-table.sh                 # results kept in policy-bench/results/DATE-rulings.json
#   policy-bench/rulings-table.sh existing.json   # only the table, from a run already made
#
# About 4 minutes. Run it on a quiet machine: it prints the load average before and after.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -ge 1 ]; then
  exec python3 "$here/policy-bench/rulings-table.py" "$1"
fi
results="$here/policy-bench/results/$(date +%Y-%m-%d-%H%M)-rulings.json"
(cd "$here" && mvn -B -q package -DskipTests -pl policy-bench -am)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -jar "$here/policy-bench/target/benchmarks.jar" 'RulingBenchmark|CasbinBenchmark' -prof gc \
  -rf json -rff "$results" >"$results.log" 2>&1 || { tail -n 30 "$results.log" >&2; exit 1; }
rm -f "$results.log"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "results: $results" >&2
python3 "$here/policy-bench/rulings-table.py" "$results"
