#!/usr/bin/env bash
# How much of a cold `precept validate` is the stack's own floor: each step of it alone in a fresh
# JVM (dev.precept.bench.StartupFloor), each with a class-data archive made for that step alone
# (the smallest archive, so the least a JVM can map), against a bare `java -version` and the real
# `./precept validate`, the commands taken in turn and the median of RUNS printed with the ratios.
#
#   policy-bench/start-up-floor.sh          # 7 runs of each
#   RUNS=15 policy-bench/start-up-floor.sh
#
# Steps, each including the ones before: jar (the JVM with the command line's jar on its class
# path, reading the file), yaml (the YAML read into the located tree), load (schema check, model,
# the policy's checks), digest (what validate prints). Flags as the launcher's for short commands.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-7}"
seed="$here/examples/connect-academy-trust/social-media-policy.yaml"
jar="$here/policy-cli/target/precept.jar"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$here/precept" validate "$seed" >/dev/null # builds the jar and the launcher's archive if the sources changed
(cd "$here" && mvn -B -q -o compile -pl policy-bench -am >/dev/null 2>&1 || mvn -B -q compile -pl policy-bench -am >/dev/null)
# Only the probe's class, in a jar of its own: a class-data archive cannot be made with a folder on
# the class path, and the probe must not bring the benchmark module's classes.
(cd "$here/policy-bench/target/classes" && jar cf "$out/floor.jar" dev/precept/bench/StartupFloor.class)
cp="$jar:$out/floor.jar"
flags=(-Xshare:auto -Xlog:cds=off -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
steps=(jar yaml load digest)
for step in "${steps[@]}"; do
  java -XX:DumpLoadedClassList="$out/$step.classes" "${flags[@]}" -cp "$cp" dev.precept.bench.StartupFloor "$step" "$seed" >/dev/null
  java -Xshare:dump -XX:SharedClassListFile="$out/$step.classes" -XX:SharedArchiveFile="$out/$step.jsa" "${flags[@]}" \
    -cp "$cp" >/dev/null 2>&1
done

names=("java -version")
commands=("java -version")
for step in "${steps[@]}"; do
  names+=("step: $step ($(wc -l <"$out/$step.classes") classes)")
  commands+=("java ${flags[*]} -XX:SharedArchiveFile=$out/$step.jsa -cp $cp dev.precept.bench.StartupFloor $step $seed")
done
names+=("precept validate")
commands+=("$here/precept validate $seed")

source "$here/policy-bench/in-turn.sh"
in_turn
