#!/usr/bin/env bash
# Benchmark: import a 100,000-row roster, as CSV and as XLSX (shared strings, date serials, as Excel saves it), through
# POST /api/rosters into the service running in demo mode on the embedded database with its heap capped at 512 MB.
# Targets: CSV ≤ 10 s, XLSX ≤ 15 s wall per import (curl's total time).
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

say "Generating $RUNS distinct rosters of $ROWS rows per format (and invalid-date baselines)…"
for i in $(seq 1 "$RUNS"); do
  java bench/RosterGenerator.java --rows "$ROWS" --seed "$i" --out "$OUT/roster-$i.csv"
  java bench/RosterGenerator.java --rows "$ROWS" --seed "$((100 + i))" --out "$OUT/invalid-$i.csv" --invalid-dates
  java bench/RosterGenerator.java --rows "$ROWS" --seed "$((200 + i))" --out "$OUT/roster-$i.xlsx" --xlsx
  java bench/RosterGenerator.java --rows "$ROWS" --seed "$((300 + i))" --out "$OUT/invalid-$i.xlsx" --xlsx --invalid-dates
done
java bench/RosterGenerator.java --rows 10000 --seed 999 --out "$OUT/warmup.csv"
ls -l "$OUT/roster-1.csv" "$OUT/roster-1.xlsx" | awk '{print "[bench] file size: " $5 " bytes " $9}'

source "$ROOT/bench/service-bench.sh"
start_bench_service "$PORT"

# Peak resident memory of the service while the imports run.
( peak=0; while kill -0 $SERVICE_PID 2>/dev/null; do r=$(ps -o rss= -p $SERVICE_PID 2>/dev/null | tr -d ' '); [ -n "$r" ] && [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > "$OUT/peak-rss-kb"; sleep 0.2; done ) &

upload() { curl -s -o "$OUT/last-response.json" -w '%{http_code} %{time_total}' -u clerk:demo -F "file=@$1" "localhost:$PORT/api/rosters"; }
upload "$OUT/warmup.csv" >/dev/null

for ext in csv xlsx; do
  : > "$OUT/import-$ext.times"; : > "$OUT/baseline-$ext.times"
  for i in $(seq 1 "$RUNS"); do
    read -r code t <<<"$(upload "$OUT/roster-$i.$ext")"
    [ "$code" = 201 ] || { say "import $i.$ext answered $code: $(head -c 300 "$OUT/last-response.json")"; exit 1; }
    echo "$t" >> "$OUT/import-$ext.times"
    read -r code t <<<"$(upload "$OUT/invalid-$i.$ext")"
    [ "$code" = 422 ] || { say "baseline $i.$ext answered $code"; exit 1; }
    echo "$t" >> "$OUT/baseline-$ext.times"
    say "run $i $ext: import $(tail -1 "$OUT/import-$ext.times") s, validate-only baseline $t s"
  done
done
echo "[bench] rows per file: $ROWS, runs: $RUNS, heap cap: -Xmx512m, JDK: $JAVA_HOME, $(nproc) cores"
for ext in csv xlsx; do
  target=10; [ "$ext" = xlsx ] && target=15
  imp=$(median < "$OUT/import-$ext.times"); base=$(median < "$OUT/baseline-$ext.times")
  echo "[bench] $ext import median: ${imp} s (target ≤ $target s, $(awk -v a="$imp" -v t="$target" 'BEGIN{print (a<=t ? "met" : "NOT met")}'))   rows/s: $(awk -v r="$ROWS" -v t="$imp" 'BEGIN{printf "%.0f", r/t}')"
  echo "[bench] $ext validate-only baseline median: ${base} s   import/baseline ratio: $(awk -v a="$imp" -v b="$base" 'BEGIN{printf "%.2f", a/b}')"
done
echo "[bench] service peak RSS: $(( $(cat "$OUT/peak-rss-kb") / 1024 )) MB"
cp "$WORK/service.log" "$OUT/service.log"   # keeps the per-import timing lines
