#!/bin/sh
# Load benchmark of POST /v1/policies/{id}/rulings with logging on, on loopback only.
# Usage: policy-server/bench/run-wrk.sh [--db JDBC_URL]   (after `mvn -pl policy-cli -am package -DskipTests`)
# Serves a copy of the example folder (drafts allowed: its editions are unsigned), makes a key,
# warms up for 10 s, then runs wrk for 30 s with 2 threads and 32 connections.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/policy-cli/target/precept.jar"
work=$(mktemp -d /tmp/precept-bench-XXXXXX)
cp -r "$root/examples/connect-academy-trust" "$work/library"
port=${PORT:-18080}
KEY=$(java -jar "$jar" apikey create "$work/library" --scope rule "$@" 2>/dev/null)
export KEY
INCIDENT="$root/examples/connect-academy-trust/incidents/staff-logo-after-hours.json"
export INCIDENT
java -Xmx512m -jar "$jar" serve "$work/library" --port "$port" --allow-drafts "$@" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for i in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
  sleep 0.5
done
wrk -t2 -c32 -d10s -s "$root/policy-server/bench/rulings.lua" "http://127.0.0.1:$port/v1/policies/cat-social-media/rulings" > /dev/null
wrk -t2 -c32 -d${DURATION:-30}s --latency -s "$root/policy-server/bench/rulings.lua" "http://127.0.0.1:$port/v1/policies/cat-social-media/rulings"
java -jar "$jar" log verify "$work/library" "$@" | sed 's/^/after the run: /'
