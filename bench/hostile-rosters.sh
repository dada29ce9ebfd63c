#!/usr/bin/env bash
# Benchmark: hostile roster files (bench/HostileRosters.java: a shared-string index of 2,000,000,000, cell ZZZZZZ2,
# 1E+999999999, a 300 MB and a poorly compressible 64 MB shared string, 1.5 GB of empty rows in 2.3 MB, a lying zip
# entry size, 20,000 zip entries, 250,000 rows, too many columns and shared strings, a 50 MB attribute, billion laughs,
# deep nesting; CSV: a 95 MB field, a million columns, 250,000 rows) uploaded through POST /api/rosters to the service
# running in demo mode with -Xmx512m. Target: each refused with its 400 code in ≤ 2 s (curl's total time, upload
# included), the heap under 512 MB, and a clean roster still imported afterwards.
#   bench/hostile-rosters.sh            (RUNS=3 by default; ONLY=regex to pick files)
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"
pick_jdk
RUNS="${RUNS:-3}"
PORT="${PORT:-18431}"
ONLY="${ONLY:-.}"
OUT="$ROOT/bench/out/hostile"
mkdir -p "$OUT"

if [ ! -f "$OUT/expected.txt" ] || [ bench/HostileRosters.java -nt "$OUT/expected.txt" ]; then
  say "Generating the hostile files (the 1.5 GB ones take a while)…"
  java bench/HostileRosters.java --out "$OUT"
fi
java bench/RosterGenerator.java --rows 1000 --seed 7 --out "$OUT/clean.csv"

source "$ROOT/bench/service-bench.sh"
# Another service on the port would answer the health check and take the uploads: refuse to run.
if curl -s -o /dev/null "localhost:$PORT/actuator/health"; then say "port $PORT is in use; set PORT"; exit 1; fi
start_bench_service "$PORT"
kill -0 "$SERVICE_PID" 2>/dev/null || { say "the service exited: $(tail -5 "$WORK/service.log")"; exit 1; }

# Peak resident memory and peak heap in use (jstat: survivor + eden + old, KB) while the uploads run.
( peak=0; while kill -0 $SERVICE_PID 2>/dev/null; do r=$(ps -o rss= -p $SERVICE_PID 2>/dev/null | tr -d ' '); [ -n "$r" ] && [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > "$OUT/peak-rss-kb"; sleep 0.2; done ) &
( jstat -gc "$SERVICE_PID" 200 2>/dev/null | awk -v f="$OUT/peak-heap-kb" '$3 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>p) {p=u; print p > f; close(f)}}' ) &

upload() { curl -s -o "$OUT/last-response.json" -w '%{http_code} %{time_total}' -u clerk:demo -F "file=@$1" "localhost:$PORT/api/rosters"; }
# Warm-up (not timed): the first requests pay for class loading and the JIT.
for _ in 1 2 3; do upload "$OUT/sst-index.xlsx" >/dev/null; upload "$OUT/columns-1m.csv" >/dev/null; done

failed=0
printf '%-28s %-32s %s\n' "file" "code" "median s (runs)" > "$OUT/results.txt"
while read -r name code; do
  [[ "$name" =~ $ONLY ]] || continue
  : > "$OUT/times"
  for _ in $(seq 1 "$RUNS"); do
    read -r status t <<<"$(upload "$OUT/$name")"
    got=$(grep -o '"code":"[A-Z_0-9]*"' "$OUT/last-response.json" | head -1 | cut -d'"' -f4 || true)
    if [ "$status" != 400 ] || [ "$got" != "$code" ]; then
      say "$name answered $status $got, expected 400 $code: $(head -c 300 "$OUT/last-response.json")"; failed=1
    fi
    echo "$t" >> "$OUT/times"
  done
  m=$(median < "$OUT/times")
  over=$(awk -v m="$m" 'BEGIN{print (m > 2.0) ? "  OVER 2 s" : ""}')
  [ -n "$over" ] && failed=1
  printf '%-28s %-32s %s (%s)%s\n' "$name" "$code" "$m" "$(paste -sd' ' "$OUT/times")" "$over" | tee -a "$OUT/results.txt"
done < "$OUT/expected.txt"

read -r status t <<<"$(upload "$OUT/clean.csv")"
[ "$status" = 201 ] || { say "the clean roster answered $status afterwards: $(head -c 300 "$OUT/last-response.json")"; failed=1; }
stored=$(curl -s -u clerk:demo "localhost:$PORT/api/rosters" | grep -o '"id":' | wc -l)
sleep 0.5
echo "[bench] runs per file: $RUNS, heap cap: -Xmx512m, JDK: $JAVA_HOME"
echo "[bench] clean roster afterwards: $status in $t s; rosters stored: $stored (expected 1)"
heap=$(cat "$OUT/peak-heap-kb" 2>/dev/null || echo 0); rss=$(cat "$OUT/peak-rss-kb" 2>/dev/null || echo 0)
echo "[bench] service peak heap in use: $(awk -v k="$heap" 'BEGIN{printf "%.0f", k/1024}') MB (jstat), peak RSS: $(( rss / 1024 )) MB"
[ "$stored" = 1 ] || failed=1
cp "$WORK/service.log" "$OUT/service.log"
exit $failed
