#!/usr/bin/env bash
# Single documents through the API: POST /api/cases/{id}/documents?form=consent (generated, recorded on the case,
# audited, streamed back), driven by wrk with 4 connections for 20 s after a 5 s warm-up, against the service in demo
# mode with -Xmx512m. Target: ≥ 200 documents/s. Baseline in the same run: GET /api/cases/{id} (JSON) with the same
# load, i.e. what the HTTP, security and database layers cost without a PDF. RUNS runs; medians are reported.
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"
ensure_packages wrk
pick_jdk
RUNS="${RUNS:-3}"
PORT="${PORT:-18127}"
source "$ROOT/bench/service-bench.sh"
start_bench_service "$PORT"
java bench/RosterGenerator.java --rows 20 --seed 5 --out "$WORK/roster.csv"
roster=$(curl -s -u clerk:demo -F "file=@$WORK/roster.csv" "localhost:$PORT/api/rosters" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
case_id=$(curl -s -u clerk:demo "localhost:$PORT/api/rosters/$roster/cases" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
size=$(curl -s -u clerk:demo -X POST "localhost:$PORT/api/cases/$case_id/documents?form=consent" -o "$WORK/one.pdf" -w '%{size_download}')
auth="Basic $(printf 'clerk:demo' | base64)"
printf 'wrk.method = "POST"\nwrk.headers["Authorization"] = "%s"\n' "$auth" > "$WORK/post.lua"
printf 'wrk.headers["Authorization"] = "%s"\n' "$auth" > "$WORK/get.lua"
rate() { wrk -t2 -c4 -d"$1" -s "$2" "$3" | awk '/Non-2xx/ {bad=1} /Requests\/sec/ {r=$2} END {if (bad) print "ERR"; else print r}'; }
docs="http://localhost:$PORT/api/cases/$case_id/documents?form=consent"
json="http://localhost:$PORT/api/cases/$case_id"
rate 5s "$WORK/post.lua" "$docs" >/dev/null
: > "$WORK/docs"; : > "$WORK/json"
for i in $(seq 1 "$RUNS"); do
  d=$(rate 20s "$WORK/post.lua" "$docs"); j=$(rate 10s "$WORK/get.lua" "$json")
  [ "$d" != ERR ] && [ "$j" != ERR ] || { say "run $i: non-2xx answers"; exit 1; }
  echo "$d" >> "$WORK/docs"; echo "$j" >> "$WORK/json"
  say "run $i: $d documents/s, baseline $j JSON requests/s"
done
d=$(median < "$WORK/docs"); j=$(median < "$WORK/json")
echo "[bench] single documents through the API: median $d documents/s (target ≥ 200), consent PDF $size bytes"
echo "[bench] baseline GET /api/cases/{id}: median $j requests/s; documents/baseline ratio $(awk -v a="$d" -v b="$j" 'BEGIN{printf "%.2f", a/b}')"
