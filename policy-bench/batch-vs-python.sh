#!/usr/bin/env bash
# Batch rulings against python3 only parsing and re-serialising the same JSON Lines.
# Usage: policy-bench/batch-vs-python.sh [LINES]   (default 1,000,000; needs the two jars:
#   mvn -B -q package -DskipTests -pl policy-bench,policy-cli -am)
# precept runs through ./precept, with the launcher's JVM flags for evaluate, as a user runs it;
# For 1,000,000 lines the rulings are checked byte for byte against those the batch wrote before it
# was made faster (their SHA-256, recorded below from the build of 2026-12-07 before the change).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lines="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$here/policy-bench/target/benchmarks.jar" dev.precept.bench.MillionIncidents "$work/incidents.jsonl" "$lines"
echo "input: $lines lines, $(du -h "$work/incidents.jsonl" | cut -f1)"
"$here/precept" --version >/dev/null   # the launcher's class-data archive is recorded once, untimed
for run in 1 2 3; do
  /usr/bin/time -f "precept (./precept evaluate): %e s wall, %U s user, %M KB peak RSS" \
    "$here/precept" evaluate \
    "$here/examples/connect-academy-trust/social-media-policy.yaml" "$work/incidents.jsonl" >"$work/rulings.jsonl"
done
echo "output: $(wc -l <"$work/rulings.jsonl") rulings, $(du -h "$work/rulings.jsonl" | cut -f1)"
if [ "$lines" = 1000000 ]; then
  golden=3c21b96ab4b81f26ec47741a392391643048cce160569c7768e100397c973780
  actual="$(sha256sum <"$work/rulings.jsonl" | cut -d' ' -f1)"
  if [ "$actual" = "$golden" ]; then echo "rulings: byte for byte the golden ($golden)";
  else echo "rulings: DIFFER from the golden ($actual, expected $golden)" >&2; exit 1; fi
fi
for run in 1 2 3; do
  /usr/bin/time -f "python3 json.loads + json.dumps: %e s wall, %U s user, %M KB peak RSS" \
    python3 -c 'import sys, json
w = sys.stdout.write
for line in sys.stdin:
    w(json.dumps(json.loads(line), separators=(",", ":")) + "\n")' <"$work/incidents.jsonl" >"$work/python.jsonl"
done
