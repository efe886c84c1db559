# Sourced by start-up.sh and start-up-floor.sh: times each of the arrays `commands` (named by
# `names`, the first the baseline) as whole processes with /usr/bin/time, taken in turn (A B C A B C
# ...) so that a drift in the machine's speed falls on all of them, RUNS times after one warm-up
# run, and prints the medians with the ratios to the first. Needs `runs` and a scratch folder `out`.
in_turn() {
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for command in "${commands[@]}"; do $command >/dev/null 2>&1; done # warm-up: builds, archives, disk cache
  for ((run = 0; run < runs; run++)); do
    for i in "${!commands[@]}"; do
      /usr/bin/time -f "%e %U %S" -o "$out/time" ${commands[$i]} >/dev/null 2>&1
      echo "$i $(cat "$out/time")" >>"$out/times"
    done
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 - "$out/times" "${names[@]}" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
names = sys.argv[2:]
wall = {i: [float(r[1]) for r in rows if int(r[0]) == i] for i in range(len(names))}
cpu = {i: [float(r[2]) + float(r[3]) for r in rows if int(r[0]) == i] for i in range(len(names))}
base_wall, base_cpu = statistics.median(wall[0]), statistics.median(cpu[0])
width = max(32, max(len(n) for n in names))
print(f"{'command':{width}} {'wall s':>8} {'cpu s':>8} {'wall x':>8} {'cpu x':>8}   (medians of {len(wall[0])}; 5x the first = {5 * base_wall:.2f} s)")
for i, name in enumerate(names):
    w, c = statistics.median(wall[i]), statistics.median(cpu[i])
    print(f"{name:{width}} {w:8.2f} {c:8.2f} {w / base_wall:8.1f} {c / max(base_cpu, 0.01):8.1f}")
PY
}
