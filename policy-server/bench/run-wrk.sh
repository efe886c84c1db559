#!/bin/sh
# Load benchmark of POST /v1/policies/{id}/rulings with logging on, on loopback only.
# Usage: policy-server/bench/run-wrk.sh [--db JDBC_URL]   (after `mvn -pl policy-cli -am package -DskipTests`)
# Serves a copy of the example folder (drafts allowed: its editions are unsigned), makes a key,
# warms up for WARMUP seconds (30: the JIT compilers need that long on 2 busy cores), then runs wrk
# for DURATION seconds (30) with 2 threads at each connection count in CONNECTIONS (default "32";
# e.g. CONNECTIONS="32 64 128"). After each run it prints what the server process spent (CPU per
# ruling, all threads and by kind of thread, from /proc/PID/task/*/stat) and what the decision log
# did (commits, records per commit, mean commit time, from /metrics). JAVA_OPTS adds JVM options.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=${PRECEPT_JAR:-"$root/policy-cli/target/precept.jar"}
work=$(mktemp -d /tmp/precept-bench-XXXXXX)
cp -r "$root/examples/connect-academy-trust" "$work/library"
port=${PORT:-18080}
KEY=$(java -jar "$jar" apikey create "$work/library" --scope rule --scope read "$@" 2>/dev/null)
export KEY
INCIDENT="$root/examples/connect-academy-trust/incidents/staff-logo-after-hours.json"
export INCIDENT
# shellcheck disable=SC2086
java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" serve "$work/library" --port "$port" --allow-drafts "$@" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for i in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
  sleep 0.5
done
url="http://127.0.0.1:$port/v1/policies/cat-social-media/rulings"
script="$root/policy-server/bench/rulings.lua"

# CPU ticks (user + system) the server's threads have used so far, summed by kind of thread
# (HTTP: Jetty's pool; log: the decision log's writer and checkpointer; JIT: the compilers; GC; other),
# then the whole process's user and system ticks apart, and its threads' context switches
ticks() {
  for t in /proc/$server/task/*; do
    printf '%s %s %s\n' "$(tr ' ' '_' 2>/dev/null < "$t/comm")" "$(cut -d')' -f2 "$t/stat" 2>/dev/null | awk '{ print $12, $13 }')" \
      "$(awk '/ctxt_switches/ { n += $2 } END { print n + 0 }' "$t/status" 2>/dev/null)"
  done | awk '{ k = "other" }
    $1 ~ /^JettyServerThre/ { k = "HTTP" } $1 ~ /^precept-decisio/ { k = "log" }
    $1 ~ /^C[12]_Compiler/ { k = "JIT" } $1 ~ /^(GC_|G1_)/ { k = "GC" }
    { a[k] += $2 + $3; all += $2 + $3; user += $2; sys += $3; cs += $4 }
    END { printf "all=%d HTTP=%d log=%d JIT=%d GC=%d other=%d user=%d system=%d switches=%d\n", all, a["HTTP"], a["log"], a["JIT"], a["GC"], a["other"], user, sys, cs }'
}
# CPU ticks this shell's finished children have used so far (taken around wrk: wrk's own CPU)
children() { cut -d')' -f2 /proc/$$/stat | awk '{ print $14 + $15 }'; }
# one sample of a Prometheus series from /metrics (0 when absent)
metric() { curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$port/metrics" | awk -v m="$1" '$1 == m { print $2; f = 1 } END { if (!f) print 0 }'; }

first=$(echo "${CONNECTIONS:-32}" | awk '{ print $1 }')
wrk -t2 -c"$first" -d"${WARMUP:-30}"s -s "$script" "$url" > /dev/null
hz=$(getconf CLK_TCK)
for c in ${CONNECTIONS:-32}; do
  echo "== $c connections, ${DURATION:-30} s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  t0=$(ticks); n0=$(metric precept_log_write_seconds_count); s0=$(metric precept_log_write_seconds_sum)
  r0=$(metric 'precept_rulings_seconds_count')
  w0=$(children)
  wrk -t2 -c"$c" -d"${DURATION:-30}"s --latency -s "$script" "$url" > "$work/wrk.out"
  w1=$(children)
  cat "$work/wrk.out"
  t1=$(ticks); n1=$(metric precept_log_write_seconds_count); s1=$(metric precept_log_write_seconds_sum)
  r1=$(metric 'precept_rulings_seconds_count')
  awk -v t0="$t0" -v t1="$t1" -v w0="$w0" -v w1="$w1" -v hz="$hz" -v n0="$n0" -v n1="$n1" -v s0="$s0" -v s1="$s1" -v r0="$r0" -v r1="$r1" 'BEGIN {
    r = r1 - r0; n = n1 - n0
    split(t0, a, " "); split(t1, b, " ")
    if (r > 0) {
      printf "server CPU per ruling (%d rulings):", r
      for (i = 1; i <= 8; i++) { split(a[i], x, "="); split(b[i], y, "="); printf " %s %.0f us", x[1], (y[2] - x[2]) / hz * 1e6 / r }
      split(a[9], x, "="); split(b[9], y, "=")
      printf "; %.1f context switches per ruling; wrk itself %.0f us per ruling\n", (y[2] - x[2]) / r, (w1 - w0) / hz * 1e6 / r
    }
    if (n > 0) printf "log: %d commits, %.1f records per commit, %.2f ms per commit\n", n, r / n, (s1 - s0) / n * 1000
  }'
done
java -jar "$jar" log verify "$work/library" "$@" | sed 's/^/after the run: /'
