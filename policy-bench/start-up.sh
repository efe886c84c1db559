#!/usr/bin/env bash
# Cold start of the command line against a bare `java -version`, whole processes timed with
# /usr/bin/time, the commands taken in turn (A B C A B C ...) so that a drift in the machine's speed
# falls on all of them, and the median of RUNS printed with the ratios to `java -version`.
#
#   policy-bench/start-up.sh            # 7 runs of each, after one warm-up run
#   RUNS=15 policy-bench/start-up.sh
#
# Run from anywhere; it uses ./precept (which builds the jar and its class-data archive first if
# the sources changed) and the seed policy. Prints the load average before and after.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-7}"
seed="$here/examples/connect-academy-trust/social-media-policy.yaml"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

names=("java -version" "precept validate" "precept render --format pdf")
commands=(
  "java -version"
  "$here/precept validate $seed"
  "$here/precept render $seed --format pdf --out $out/pdf"
)

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for command in "${commands[@]}"; do $command >/dev/null 2>&1; done # warm-up: builds, archive, disk cache
for ((run = 0; run < runs; run++)); do
  for i in "${!commands[@]}"; do
    /usr/bin/time -f "%e %U %S" -o "$out/time" ${commands[$i]} >/dev/null 2>&1
    echo "$i $(cat "$out/time")" >>"$out/times"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out/times" "${names[@]}" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
names = sys.argv[2:]
wall = {i: [float(r[1]) for r in rows if int(r[0]) == i] for i in range(len(names))}
cpu = {i: [float(r[2]) + float(r[3]) for r in rows if int(r[0]) == i] for i in range(len(names))}
base_wall, base_cpu = statistics.median(wall[0]), statistics.median(cpu[0])
print(f"{'command':32} {'wall s':>8} {'cpu s':>8} {'wall x':>8} {'cpu x':>8}   (medians of {len(wall[0])})")
for i, name in enumerate(names):
    w, c = statistics.median(wall[i]), statistics.median(cpu[i])
    print(f"{name:32} {w:8.2f} {c:8.2f} {w / base_wall:8.1f} {c / max(base_cpu, 0.01):8.1f}")
EOF
