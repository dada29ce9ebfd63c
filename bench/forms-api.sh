#!/usr/bin/env bash
# Single documents through the API: POST /api/cases/{id}/documents?form=consent (generated, recorded on the case,
# audited, streamed back), driven by wrk with 4 connections for 20 s after a 5 s warm-up, against the service in demo
# mode with -Xmx512m. Target: ≥ 200 documents/s. Baseline in the same run: GET /api/cases/{id} (JSON) with the same
# load, i.e. what the HTTP, security and database layers cost without a PDF. RUNS runs; medians are reported.
# BEFORE_JAR=path/to/an/earlier/madoguchi.jar measures that build too, in the same script, one after the other, and
# reports the ratio of the two (e.g. before and after a change to sign-in).
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"
ensure_packages wrk
pick_jdk
RUNS="${RUNS:-3}"
PORT="${PORT:-18127}"
source "$ROOT/bench/service-bench.sh"
rate() { wrk -t2 -c4 -d"$1" -s "$2" "$3" | awk '/Non-2xx/ {bad=1} /Requests\/sec/ {r=$2} END {if (bad) print "ERR"; else print r}'; }
RESULTS=$(mktemp -d)
trap 'stop_bench_service; rm -rf "$RESULTS"' EXIT

# Measures one jar; leaves the medians in $RESULTS/<label>.docs and .json.
measure() {
  local label="$1" jar="$2"
  start_bench_service "$PORT" "$jar"
  java bench/RosterGenerator.java --rows 20 --seed 5 --out "$WORK/roster.csv"
  local roster case_id auth docs json d j
  roster=$(curl -s -u clerk:demo -F "file=@$WORK/roster.csv" "localhost:$PORT/api/rosters" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  case_id=$(curl -s -u clerk:demo "localhost:$PORT/api/rosters/$roster/cases" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  SIZE=$(curl -s -u clerk:demo -X POST "localhost:$PORT/api/cases/$case_id/documents?form=consent" -o "$WORK/one.pdf" -w '%{size_download}')
  auth="Basic $(printf 'clerk:demo' | base64)"
  printf 'wrk.method = "POST"\nwrk.headers["Authorization"] = "%s"\n' "$auth" > "$WORK/post.lua"
  printf 'wrk.headers["Authorization"] = "%s"\n' "$auth" > "$WORK/get.lua"
  docs="http://localhost:$PORT/api/cases/$case_id/documents?form=consent"
  json="http://localhost:$PORT/api/cases/$case_id"
  rate 5s "$WORK/post.lua" "$docs" >/dev/null
  : > "$RESULTS/$label.docs"; : > "$RESULTS/$label.json"
  for i in $(seq 1 "$RUNS"); do
    d=$(rate 20s "$WORK/post.lua" "$docs"); j=$(rate 10s "$WORK/get.lua" "$json")
    [ "$d" != ERR ] && [ "$j" != ERR ] || { say "$label run $i: non-2xx answers"; exit 1; }
    echo "$d" >> "$RESULTS/$label.docs"; echo "$j" >> "$RESULTS/$label.json"
    say "$label run $i: $d documents/s, baseline $j JSON requests/s"
  done
  stop_bench_service
}

[ -f target/madoguchi.jar ] || mvn -B -q -DskipTests package
measure this target/madoguchi.jar
d=$(median < "$RESULTS/this.docs"); j=$(median < "$RESULTS/this.json")
echo "[bench] single documents through the API: median $d documents/s (target ≥ 200), consent PDF $SIZE bytes"
echo "[bench] baseline GET /api/cases/{id}: median $j requests/s; documents/baseline ratio $(awk -v a="$d" -v b="$j" 'BEGIN{printf "%.2f", a/b}')"
if [ -n "${BEFORE_JAR:-}" ]; then
  measure before "$BEFORE_JAR"
  bd=$(median < "$RESULTS/before.docs"); bj=$(median < "$RESULTS/before.json")
  echo "[bench] before ($BEFORE_JAR): median $bd documents/s, GET /api/cases/{id} $bj requests/s"
  echo "[bench] this/before: documents $(awk -v a="$d" -v b="$bd" 'BEGIN{printf "%.2f", a/b}'), JSON $(awk -v a="$j" -v b="$bj" 'BEGIN{printf "%.2f", a/b}')"
fi
