#!/usr/bin/env bash
# Batch rulings against python3 only parsing and re-serialising the same JSON Lines.
# Usage: policy-bench/batch-vs-python.sh [LINES]   (default 1,000,000; needs the two jars:
#   mvn -B -q package -DskipTests -pl policy-bench,policy-cli -am)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lines="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$here/policy-bench/target/benchmarks.jar" dev.precept.bench.MillionIncidents "$work/incidents.jsonl" "$lines"
echo "input: $lines lines, $(du -h "$work/incidents.jsonl" | cut -f1)"
for run in 1 2 3; do
  /usr/bin/time -f "precept (-Xmx256m): %e s wall, %U s user, %M KB peak RSS" \
    java -Xmx256m -jar "$here/policy-cli/target/precept.jar" evaluate \
    "$here/examples/connect-academy-trust/social-media-policy.yaml" "$work/incidents.jsonl" >"$work/rulings.jsonl"
done
echo "output: $(wc -l <"$work/rulings.jsonl") rulings, $(du -h "$work/rulings.jsonl" | cut -f1)"
for run in 1 2 3; do
  /usr/bin/time -f "python3 json.loads + json.dumps: %e s wall, %U s user, %M KB peak RSS" \
    python3 -c 'import sys, json
w = sys.stdout.write
for line in sys.stdin:
    w(json.dumps(json.loads(line), separators=(",", ":")) + "\n")' <"$work/incidents.jsonl" >"$work/python.jsonl"
done
