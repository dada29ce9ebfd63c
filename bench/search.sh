#!/usr/bin/env bash
# Benchmark: records search (issue 11) at SCALE index entries (default 1,000,000) on the embedded H2 database, the
# service in demo mode with its heap capped at 1 GB (BENCH_XMX). Targets:
#   rebuild from the database ≤ 3 min; name queries through the Java API p50 ≤ 2 ms, p99 ≤ 10 ms; through HTTP
#   p99 ≤ 50 ms; heap ≤ 1 GB; catch-up of 10,000 changes after a restart ≤ 5 s.
# Baselines in the same run: the same rows read by JDBC without indexing (rebuild), and the same query mix against a
# plain StandardAnalyzer index of the same entries (latency and recall).
# Steps:
#   1. seed: rosters from bench/RosterGenerator.java imported through POST /api/rosters (≤ 100,000 rows each, the
#      feeder idle), then, the service stopped, documents (3 per case, every 20th case none), received and scanned
#      documents written by JDBC (bench/SearchBench.java seed) and half the names widened (old forms for a share);
#   2. rebuild: the index deleted, the service started (it rebuilds at start), then POST /api/search/rebuild as admin;
#      both timed from GET /api/search/rebuild (startedAt → finishedAt); heap (jstat) and RSS sampled;
#   3. HTTP: GET /api/search?q= as officer, sequential and CLIENTS concurrent clients (same service run);
#   4. Java API: the service stopped, SearchIndex.open + SearchService on the same index, then the plain baseline;
#   5. catch-up: (a) CHANGES documents + CASE changes (one per case, as the forms module writes them) written while
#      the service is down; (b) a CHANGES-row roster imported while the feeder idles (one ROSTER change); each timed
#      from the restarted service answering to every change being searchable (the officer's total).
#   SCALE=20000 bench/search.sh      (a small run: ~3 min)      bench/search.sh   (the full run)
# Raw numbers: bench/out/search/. KEEP=1 keeps the data directory (its path is printed). PROFILE=1 records the ADMIN
# rebuild with Java Flight Recorder (bench/out/search/rebuild.jfr, hottest methods in rebuild-hot-methods.txt).
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"
pick_jdk
SCALE="${SCALE:-1000000}"
QUERIES="${QUERIES:-2000}"
WARMUP="${WARMUP:-2000}"
CHANGES="${CHANGES:-10000}"
CLIENTS="${CLIENTS:-4}"
PORT="${PORT:-18124}"
export BENCH_XMX="${BENCH_XMX:-1g}"
OUT="$ROOT/bench/out/search"
rm -rf "$OUT" && mkdir -p "$OUT"
source "$ROOT/bench/service-bench.sh"
[ -f target/madoguchi.jar ] && [ -f reader-adapter/target/reader-adapter.jar ] || mvn -B -q -DskipTests package

BENCH_HOME=$(mktemp -d)
export BENCH_DATA_DIR="$BENCH_HOME/data"
cleanup() {
  stop_bench_service
  if [ "${KEEP:-0}" = 1 ]; then say "Data directory kept: $BENCH_DATA_DIR"; else rm -rf "$BENCH_HOME"; fi
}
trap cleanup EXIT
# The helpers run on the service's own classes and libraries (Lucene, H2), compiled once.
compile_bench_helper SearchBench
bench() { java -Xmx"$BENCH_XMX" --enable-native-access=ALL-UNNAMED -cp "$BENCH_HOME/classes:$CP" SearchBench "$@"; }

# Starts the service (start_bench_service keeps trap cleanup) and samples its heap and RSS into $OUT/memory-<tag>.
start() {
  local tag="$1"; shift
  SERVICE_ARGS=("$@")
  start_bench_service "$PORT"
  trap cleanup EXIT
  "$JAVA_HOME/bin/jstat" -gc "$SERVICE_PID" 250 > "$OUT/jstat-$tag.txt" 2>/dev/null &
  ( while kill -0 "$SERVICE_PID" 2>/dev/null; do ps -o rss= -p "$SERVICE_PID" 2>/dev/null; sleep 0.25; done ) \
    > "$OUT/rss-$tag.txt" &
}
stop() {
  cp "$WORK/service.log" "$OUT/service-$1.log"
  grep -q OutOfMemoryError "$WORK/service.log" && echo oom >> "$OUT/oom"
  stop_bench_service
}
# Peak heap used (S0U+S1U+EU+OU, MB) and peak RSS (MB) of a service run.
peak_heap() { awk 'NR==1{for(i=1;i<=NF;i++)c[$i]=i; next} $1!="S0C"{u=$c["S0U"]+$c["S1U"]+$c["EU"]+$c["OU"]; if(u>m)m=u} END{printf "%.0f", m/1024}' "$OUT/jstat-$1.txt"; }
# Heap used (MB) right after a full collection: what the service keeps live (the index's readers, caches).
live_heap() {
  "$JAVA_HOME/bin/jcmd" "$SERVICE_PID" GC.run >/dev/null
  "$JAVA_HOME/bin/jstat" -gc "$SERVICE_PID" | awk 'NR==1{for(i=1;i<=NF;i++)c[$i]=i; next} {printf "%.0f", ($c["S0U"]+$c["S1U"]+$c["EU"]+$c["OU"])/1024}'
}
peak_rss() { awk '$1>m{m=$1} END{printf "%.0f", m/1024}' "$OUT/rss-$1.txt"; }
total() { curl -s -u officer:demo "localhost:$PORT/api/search?q=${1:-}" | jq -r '.total // -1' 2>/dev/null || echo -1; }
# The catch-up probes count only what the changes add (a match-all count with its facets over a million entries costs
# 100-200 ms of CPU, and probed every 50 ms it would take a core from the catch-up it measures):
# (a) documents generated since yesterday (the seeded ones are from 2026-06..10); (b) cases without documents.
SINCE_YESTERDAY="&generatedFrom=$(date -u -d yesterday +%F)"
NOT_GENERATED="&status=NOT_GENERATED"
progress() { curl -s -u admin:demo "localhost:$PORT/api/search/rebuild"; }
# Waits until the rebuild progress says DONE with a finishedAt other than $1; prints the progress JSON.
wait_rebuild() {
  local before="$1" p
  while true; do
    p=$(progress)
    if [ "$(jq -r .state <<<"$p")" = DONE ] && [ "$(jq -r .finishedAt <<<"$p")" != "$before" ]; then echo "$p"; return; fi
    [ "$(jq -r .state <<<"$p")" = FAILED ] && { say "rebuild failed: $p"; exit 1; }
    sleep 0.5
  done
}
rebuild_secs() {
  awk -v a="$(date -d "$(jq -r .startedAt <<<"$1")" +%s.%N)" -v b="$(date -d "$(jq -r .finishedAt <<<"$1")" +%s.%N)" \
    'BEGIN{printf "%.1f", b-a}'
}
# Restarts the service and times how long after it answers the officer's total for the filter $3 reaches $2 (all
# changes searchable):
# sets CATCH (seconds from answering to caught up) and READY (seconds from launch to answering). The feeder starts
# right after the web server (its lifecycle phase is later), so answering is where catching up begins.
catch_up() {
  local tag="$1" expected="$2" filter="$3" launch ready
  launch=$(now)
  start "$tag"
  ready=$(now)
  local seen=-1
  : > "$OUT/progress-$tag.txt"
  while [ "$seen" != "$expected" ]; do
    [ "$(secs "$ready" "$(now)" | cut -d. -f1)" -lt 300 ] || { say "catch-up $tag: total $seen, expected $expected"; exit 1; }
    seen=$(total "$filter")
    echo "$(secs "$ready" "$(now)") $seen" >> "$OUT/progress-$tag.txt"   # seconds since answering, entries seen
    [ "$seen" = "$expected" ] || sleep 0.05
  done
  CATCH=$(secs "$ready" "$(now)")
  READY=$(secs "$launch" "$ready")
}

# ------------------------------------------------------------------ 1. seed
CASES=$(awk -v n="$SCALE" 'BEGIN{printf "%d", n/2.9 + 0.5}')
ROSTERS=$(( (CASES + 99999) / 100000 ))
ROWS=$(( (CASES + ROSTERS - 1) / ROSTERS ))
say "Seeding ~$SCALE entries: $ROSTERS roster(s) of $ROWS rows, then documents by JDBC…"
t0=$(now)
for i in $(seq 1 "$ROSTERS"); do java bench/RosterGenerator.java --rows "$ROWS" --seed "$((500 + i))" --out "$BENCH_HOME/roster-$i.csv"; done
java bench/RosterGenerator.java --rows "$CHANGES" --seed 900 --out "$BENCH_HOME/roster-changes.csv"
start seed --madoguchi.search.poll-interval=1h
for i in $(seq 1 "$ROSTERS"); do
  code=$(curl -s -o "$OUT/roster-response.json" -w '%{http_code}' -u clerk:demo -F "file=@$BENCH_HOME/roster-$i.csv" "localhost:$PORT/api/rosters")
  [ "$code" = 201 ] || { say "roster $i answered $code: $(head -c 300 "$OUT/roster-response.json")"; exit 1; }
done
stop seed
bench seed "$BENCH_DATA_DIR" "$OUT" 11 | tee "$OUT/seed.txt"
EXPECTED=$(cat "$OUT/expected-entries")
rm -rf "$BENCH_DATA_DIR/search-index"
SEED_SECS=$(secs "$t0" "$(now)"); DB_MB=$(du -sm "$BENCH_DATA_DIR/db" | cut -f1)
say "Seeded in $SEED_SECS s; database $DB_MB MB"

# ------------------------------------------------------------------ 2. rebuild (at start, then ADMIN)
say "Rebuild at start (no index), then POST /api/search/rebuild…"
start rebuild
p=$(wait_rebuild none)
START_REBUILD=$(rebuild_secs "$p"); echo "$p" > "$OUT/rebuild-at-start.json"
INDEXED=$(total)
[ "$INDEXED" = "$EXPECTED" ] || { say "index holds $INDEXED entries, the database $EXPECTED"; exit 1; }
before=$(jq -r .finishedAt <<<"$p")
# PROFILE=1: a Java Flight Recording of the ADMIN rebuild, and its hottest methods.
[ "${PROFILE:-0}" = 1 ] && "$JAVA_HOME/bin/jcmd" "$SERVICE_PID" JFR.start name=rebuild settings=profile filename="$OUT/rebuild.jfr" >/dev/null
code=$(curl -s -o /dev/null -w '%{http_code}' -u admin:demo -X POST "localhost:$PORT/api/search/rebuild")
[ "$code" = 202 ] || { say "POST /api/search/rebuild answered $code"; exit 1; }
p=$(wait_rebuild "$before")
if [ "${PROFILE:-0}" = 1 ]; then
  "$JAVA_HOME/bin/jcmd" "$SERVICE_PID" JFR.stop name=rebuild >/dev/null
  "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$OUT/rebuild.jfr" > "$OUT/rebuild-hot-methods.txt" 2>&1 || true
fi
ADMIN_REBUILD=$(rebuild_secs "$p"); echo "$p" > "$OUT/rebuild-admin.json"
INDEX_MB=$(du -sm "$BENCH_DATA_DIR/search-index" | cut -f1)
say "rebuild at start ${START_REBUILD} s, ADMIN rebuild ${ADMIN_REBUILD} s, $(jq -r .entries <<<"$p") entries, index $INDEX_MB MB"

LIVE_REBUILT=$(live_heap)

# ------------------------------------------------------------------ 3. HTTP (same service run)
say "HTTP: $WARMUP warm-up + $QUERIES queries, sequential and $CLIENTS clients…"
bench http "$PORT" "$OUT" "$WARMUP" "$QUERIES" "$CLIENTS" | tee "$OUT/http.txt"
LIVE_QUERIED=$(live_heap)
stop rebuild

# ------------------------------------------------------------------ 2b. baseline: the same rows read without indexing
bench rawread "$BENCH_DATA_DIR" | tee "$OUT/rawread.txt"
RAW=$(awk '{print $2; exit}' "$OUT/rawread.txt")

# ------------------------------------------------------------------ 4. Java API, and the plain baseline
say "Java API: $WARMUP warm-up + $QUERIES queries on the index, then the plain StandardAnalyzer index…"
bench query "$BENCH_DATA_DIR" "$OUT" "$WARMUP" "$QUERIES" | tee "$OUT/java-api.txt"

# ------------------------------------------------------------------ 5. catch-up
say "Catch-up (a): $CHANGES documents with one CASE change each, written while the service is down…"
read -r CASE_CHANGES LAST_SEQ <<<"$(bench changes "$BENCH_DATA_DIR" "$CHANGES")"
catch_up catchup-cases "$CASE_CHANGES" "$SINCE_YESTERDAY"; CATCH_A=$CATCH READY_A=$READY
stop catchup-cases
say "Catch-up (b): a $CHANGES-row roster imported while the feeder idles (one ROSTER change)…"
start roster-import --madoguchi.search.poll-interval=1h
NOT_GENERATED_BEFORE=$(total "$NOT_GENERATED")
code=$(curl -s -o "$OUT/roster-response.json" -w '%{http_code}' -u clerk:demo -F "file=@$BENCH_HOME/roster-changes.csv" "localhost:$PORT/api/rosters")
[ "$code" = 201 ] || { say "roster answered $code"; exit 1; }
ROSTER_CASES=$(jq -r .accepted "$OUT/roster-response.json")
stop roster-import
catch_up catchup-roster "$((NOT_GENERATED_BEFORE + ROSTER_CASES))" "$NOT_GENERATED"; CATCH_B=$CATCH READY_B=$READY
[ "$(total)" = "$((EXPECTED + CASE_CHANGES + ROSTER_CASES))" ] || { say "after the catch-ups the index holds $(total) entries"; exit 1; }
stop catchup-roster

# ------------------------------------------------------------------ summary
met() { awk -v a="$1" -v t="$2" 'BEGIN{print (a<=t ? "met" : "NOT met")}'; }
field() { awk -v k="$2" '{for(i=1;i<=NF;i++) if (index($i, k"=")==1) {print substr($i, length(k)+2); exit}}' <<<"$1"; }
ours=$(grep '^java-api ours all' "$OUT/java-api.txt"); plain=$(grep '^java-api plain StandardAnalyzer all' "$OUT/java-api.txt")
seq_all=$(grep '^http sequential all' "$OUT/http.txt"); conc_all=$(grep "^http $CLIENTS-clients all" "$OUT/http.txt")
HEAP=0; RSS=0
for tag in rebuild catchup-cases catchup-roster; do
  h=$(peak_heap "$tag"); r=$(peak_rss "$tag"); [ "$h" -gt "$HEAP" ] && HEAP=$h; [ "$r" -gt "$RSS" ] && RSS=$r
done
REBUILD_WORST=$(awk -v a="$START_REBUILD" -v b="$ADMIN_REBUILD" 'BEGIN{print (a>b?a:b)}')
{
echo "[bench] records search: $INDEXED index entries ($CASES cases), $(nproc) cores, heap cap -Xmx$BENCH_XMX, JDK $JAVA_HOME"
echo "[bench] rebuild from the database: ADMIN ${ADMIN_REBUILD} s, at start ${START_REBUILD} s (target ≤ 180 s, $(met "$REBUILD_WORST" 180)); index $INDEX_MB MB"
echo "[bench] rebuild baseline: the same rows read by JDBC without indexing ${RAW} s; ADMIN rebuild / raw read = $(awk -v a="$ADMIN_REBUILD" -v b="$RAW" 'BEGIN{printf "%.1f", a/b}')"
echo "[bench] Java API name queries ($QUERIES after $WARMUP warm-up): p50 $(field "$ours" p50) ms (target ≤ 2, $(met "$(field "$ours" p50)" 2)), p90 $(field "$ours" p90), p99 $(field "$ours" p99) ms (target ≤ 10, $(met "$(field "$ours" p99)" 10)), max $(field "$ours" max); first-page recall $(field "$ours" recall)"
echo "[bench] Java API baseline, plain StandardAnalyzer on the same entries: p50 $(field "$plain" p50) ms, p99 $(field "$plain" p99) ms; first-page recall $(field "$plain" recall)"
echo "[bench] HTTP GET /api/search sequential: p50 $(field "$seq_all" p50) ms, p99 $(field "$seq_all" p99) ms ($(met "$(field "$seq_all" p99)" 50)); $CLIENTS clients: p50 $(field "$conc_all" p50) ms, p99 $(field "$conc_all" p99) ms (target ≤ 50, $(met "$(field "$conc_all" p99)" 50))"
echo "[bench] heap: peak used $HEAP MB (jstat, every 250 ms) of -Xmx$BENCH_XMX (target ≤ 1024 MB, $( [ -f "$OUT/oom" ] && echo "NOT met: OutOfMemoryError" || met "$HEAP" 1024)); live after a full GC: $LIVE_REBUILT MB after the rebuild, $LIVE_QUERIED MB after the HTTP queries; peak RSS $RSS MB"
echo "[bench] catch-up after a restart, (a) $CASE_CHANGES CASE changes (documents written while down): ${CATCH_A} s from the service answering to all searchable (target ≤ 5 s, $(met "$CATCH_A" 5)); start to answering ${READY_A} s"
echo "[bench] catch-up after a restart, (b) one ROSTER change of $ROSTER_CASES cases: ${CATCH_B} s (target ≤ 5 s, $(met "$CATCH_B" 5)); start to answering ${READY_B} s"
echo "[bench] seeding took $SEED_SECS s (database $DB_MB MB); the whole run $(secs "$t0" "$(now)") s"
echo "[bench] per kind: bench/out/search/java-api.txt, http.txt; rebuild progress: rebuild-*.json; memory: jstat-*.txt, rss-*.txt; catch-up curves: progress-*.txt"
} | tee "$OUT/summary.txt"
