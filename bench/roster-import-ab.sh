#!/usr/bin/env bash
# Benchmark, before/after: each jar given runs in its own fresh service (demo mode, embedded H2, -Xmx512m, fresh data
# directory), imports bench/out/warmup.csv, then the five 100,000-row rosters bench/out/roster-1..5.$EXT one after
# another (the database grows to 500,000 cases), and prints HTTP status:curl total seconds per import with the load.
# The files come from bench/roster-import.sh (run it once first). Compare a build of an earlier commit with this one:
#   git worktree add /tmp/base <commit> && (cd /tmp/base && mvn -q -DskipTests package)
#   bench/roster-import-ab.sh /tmp/base/target/madoguchi.jar target/madoguchi.jar      (EXT=xlsx for the workbooks)
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"
pick_jdk >/dev/null
source "$ROOT/bench/service-bench.sh"
EXT="${EXT:-csv}"
PORT="${PORT:-18777}"
for jar in "$@"; do
  start_bench_service "$PORT" "$jar"
  curl -s -o /dev/null -u clerk:demo -F "file=@bench/out/warmup.csv" "localhost:$PORT/api/rosters"
  times=()
  for i in 1 2 3 4 5; do
    times+=("$(curl -s -o /dev/null -w '%{http_code}:%{time_total}' -u clerk:demo -F "file=@bench/out/roster-$i.$EXT" \
      "localhost:$PORT/api/rosters")")
  done
  med=$(printf '%s\n' "${times[@]}" | cut -d: -f2 | median)
  echo "[bench] $jar $EXT: ${times[*]}   median ${med} s   load: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_bench_service
done
