#!/usr/bin/env bash
# `java -jar reader-adapter.jar ship` of 100,000 events to the real service (demo mode, embedded database, -Xmx512m),
# which verifies each 5,000-line chunk's hash chain against the head it holds for the workstation-day, checks every
# field, and stores every event once. Target: ≤ 10 s. RUNS fresh logs (one workstation each); the median is reported.
# BEFORE_JAR=<an earlier build of the service> runs the same logs against it first, for the ratio.
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"
pick_jdk
EVENTS="${EVENTS:-100000}"
RUNS="${RUNS:-3}"
PORT="${PORT:-18124}"
source "$ROOT/bench/service-bench.sh"
if [ -n "${BEFORE_JAR:-}" ]; then
  say "baseline: $BEFORE_JAR"
  BEFORE_JAR="" PORT=$((PORT + 1)) bash "$0" "$BEFORE_JAR" | sed 's/^\[bench\]/[bench] baseline/'
fi
start_bench_service "$PORT" "${1:-target/madoguchi.jar}"
export MADOGUCHI_BENCH_PASSWORD=demo
: > "$WORK/times"
for i in $(seq 1 "$RUNS"); do
  java -cp reader-adapter/target/classes bench/DeviceLogGenerator.java "$WORK/log-$i" "bench-pc-$i" 2026-11-21 "$EVENTS"
  start=$(date +%s.%N)
  java -jar reader-adapter/target/reader-adapter.jar ship --log-dir "$WORK/log-$i" --workstation "bench-pc-$i" \
    --service "http://localhost:$PORT" --user operator --password-env MADOGUCHI_BENCH_PASSWORD > "$WORK/ship-$i.out"
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.2f", b-a}')
  echo "$t" >> "$WORK/times"
  say "run $i: ship of $EVENTS events in $t s: $(cat "$WORK/ship-$i.out")"
done
median=$(median < "$WORK/times")
echo "[bench] ship to the service: median ${median} s over $RUNS runs of $EVENTS events (target ≤ 10 s, $(awk -v m="$median" 'BEGIN{print (m<=10 ? "met" : "NOT met")}'))"
