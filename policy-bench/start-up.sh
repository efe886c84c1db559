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

source "$here/policy-bench/in-turn.sh"
in_turn
