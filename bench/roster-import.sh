#!/usr/bin/env bash
# Benchmark: import a 100,000-row roster CSV through POST /api/rosters into the service running in demo mode on the
# embedded database with its heap capped at 512 MB. Target: ≤ 10 s wall per import (curl's total time).
# Baseline in the same run: the same-size file whose every birth date is invalid — read, decoded and validated
# row by row but rejected and rolled back — so the ratio shows what writing the cases costs.
#   bench/roster-import.sh            (ROWS=100000 RUNS=5 by default)
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"
pick_jdk
ROWS="${ROWS:-100000}"
RUNS="${RUNS:-5}"
PORT="${PORT:-18123}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

say "Generating $RUNS distinct rosters of $ROWS rows (and invalid-date baselines)…"
for i in $(seq 1 "$RUNS"); do
  java bench/RosterGenerator.java --rows "$ROWS" --seed "$i" --out "$OUT/roster-$i.csv"
  java bench/RosterGenerator.java --rows "$ROWS" --seed "$((100 + i))" --out "$OUT/invalid-$i.csv" --invalid-dates
done
java bench/RosterGenerator.java --rows 10000 --seed 999 --out "$OUT/warmup.csv"
ls -l "$OUT/roster-1.csv" | awk '{print "[bench] file size: " $5 " bytes"}'

source "$ROOT/bench/service-bench.sh"
start_bench_service "$PORT"

# Peak resident memory of the service while the imports run.
( peak=0; while kill -0 $SERVICE_PID 2>/dev/null; do r=$(ps -o rss= -p $SERVICE_PID 2>/dev/null | tr -d ' '); [ -n "$r" ] && [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > "$OUT/peak-rss-kb"; sleep 0.2; done ) &

upload() { curl -s -o "$OUT/last-response.json" -w '%{http_code} %{time_total}' -u clerk:demo -F "file=@$1" "localhost:$PORT/api/rosters"; }
upload "$OUT/warmup.csv" >/dev/null

: > "$OUT/import.times"; : > "$OUT/baseline.times"
for i in $(seq 1 "$RUNS"); do
  read -r code t <<<"$(upload "$OUT/roster-$i.csv")"
  [ "$code" = 201 ] || { say "import $i answered $code: $(head -c 300 "$OUT/last-response.json")"; exit 1; }
  echo "$t" >> "$OUT/import.times"
  read -r code t <<<"$(upload "$OUT/invalid-$i.csv")"
  [ "$code" = 422 ] || { say "baseline $i answered $code"; exit 1; }
  echo "$t" >> "$OUT/baseline.times"
  say "run $i: import $(tail -1 "$OUT/import.times") s, validate-only baseline $t s"
done
imp=$(median < "$OUT/import.times"); base=$(median < "$OUT/baseline.times")
cases=$(curl -s -u clerk:demo "localhost:$PORT/api/rosters" | grep -o '"acceptedRows":[0-9]*' | head -1)
echo "[bench] rows per file: $ROWS, runs: $RUNS, heap cap: -Xmx512m, JDK: $JAVA_HOME"
echo "[bench] import median: ${imp} s (target ≤ 10 s)   rows/s: $(awk -v r="$ROWS" -v t="$imp" 'BEGIN{printf "%.0f", r/t}')"
echo "[bench] validate-only baseline median: ${base} s   import/baseline ratio: $(awk -v a="$imp" -v b="$base" 'BEGIN{printf "%.2f", a/b}')"
echo "[bench] last roster: $cases   service peak RSS: $(( $(cat "$OUT/peak-rss-kb") / 1024 )) MB"
cp "$WORK/service.log" "$OUT/service.log"   # keeps the per-import timing lines
