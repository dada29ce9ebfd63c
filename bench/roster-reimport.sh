#!/usr/bin/env bash
# Benchmark: re-importing people already on file must not grow with history. On each database (the embedded H2 in
# demo mode, and PostgreSQL), with the service's heap capped at 512 MB:
#   1. build the history: EARLIER imports of the same ROWS people, each a distinct file (another facility wing),
#      i.e. EARLIER × ROWS earlier cases, every one of them flagged as a possible duplicate;
#   2. then RUNS times: a fresh import of ROWS new people, and a re-import of the ROWS known people (a new file);
#   3. medians of curl's total time, and the ratio re-import / fresh. Target: ≤ 1.5×.
#   bench/roster-reimport.sh                 (ROWS=100000 EARLIER=10 RUNS=3 DBS="h2 postgres" by default)
#   ROWS=10000 DBS=h2 bench/roster-reimport.sh
# PostgreSQL: the server named by MADOGUCHI_TEST_PG_URL (_USER, _PASSWORD), or a private one started the way
# ./test.sh starts it (scripts/test-services.sh); the benchmark works in a database of its own, dropped at the end.
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"
pick_jdk
ROWS="${ROWS:-100000}"
EARLIER="${EARLIER:-10}"
RUNS="${RUNS:-3}"
DBS="${DBS:-h2 postgres}"
PORT="${PORT:-18124}"
OUT="$ROOT/bench/out/reimport"
mkdir -p "$OUT"

say "Generating $EARLIER + $RUNS files of the same $ROWS people and $RUNS files of new people…"
for v in $(seq 0 $((EARLIER + RUNS - 1))); do
  [ -f "$OUT/known-$ROWS-$v.csv" ] || java bench/RosterGenerator.java --rows "$ROWS" --seed 1 --variant "$v" \
    --out "$OUT/known-$ROWS-$v.csv"
done
for r in $(seq 1 "$RUNS"); do
  [ -f "$OUT/fresh-$ROWS-$r.csv" ] || java bench/RosterGenerator.java --rows "$ROWS" --seed "$((1000 + r))" \
    --out "$OUT/fresh-$ROWS-$r.csv"
done

source "$ROOT/bench/service-bench.sh"
source "$ROOT/scripts/test-services.sh"
BENCH_DB=""
cleanup() {
  stop_bench_service
  if [ -n "$BENCH_DB" ]; then
    PGPASSWORD="$MADOGUCHI_TEST_PG_PASSWORD" "$PSQL" -h "$PG_HOST" -p "$PG_PORT_USED" -U "$MADOGUCHI_TEST_PG_USER" \
      -d postgres -qc "DROP DATABASE IF EXISTS $BENCH_DB" >/dev/null 2>&1 || true
  fi
  stop_test_postgres
}

upload() {
  curl -s -o "$OUT/last-response.json" -w '%{http_code} %{time_total}' -u clerk:demo -F "file=@$1" \
    "localhost:$PORT/api/rosters"
}

# Runs the benchmark against the service just started; prints one summary line.
measure() {
  local db="$1" code t
  for v in $(seq 0 $((EARLIER - 1))); do
    read -r code t <<<"$(upload "$OUT/known-$ROWS-$v.csv")"
    [ "$code" = 201 ] || { say "$db: earlier import $v answered $code: $(head -c 300 "$OUT/last-response.json")"; exit 1; }
    say "$db: earlier copy $((v + 1))/$EARLIER of the $ROWS people: $t s"
  done
  : > "$OUT/$db-fresh.times"; : > "$OUT/$db-reimport.times"
  for r in $(seq 1 "$RUNS"); do
    read -r code t <<<"$(upload "$OUT/fresh-$ROWS-$r.csv")"
    [ "$code" = 201 ] || { say "$db: fresh import $r answered $code: $(head -c 300 "$OUT/last-response.json")"; exit 1; }
    echo "$t" >> "$OUT/$db-fresh.times"
    read -r code t <<<"$(upload "$OUT/known-$ROWS-$((EARLIER + r - 1)).csv")"
    [ "$code" = 201 ] || { say "$db: re-import $r answered $code: $(head -c 300 "$OUT/last-response.json")"; exit 1; }
    grep -q "\"possibleDuplicates\":$ROWS" "$OUT/last-response.json" ||
      { say "$db: re-import $r did not flag all $ROWS people: $(head -c 300 "$OUT/last-response.json")"; exit 1; }
    echo "$t" >> "$OUT/$db-reimport.times"
    say "$db run $r: fresh $(tail -1 "$OUT/$db-fresh.times") s, re-import $t s"
  done
  local fresh re
  fresh=$(median < "$OUT/$db-fresh.times"); re=$(median < "$OUT/$db-reimport.times")
  echo "[bench] $db: rows $ROWS, earlier cases $((ROWS * EARLIER)), runs $RUNS, -Xmx512m:" \
    "fresh median ${fresh} s, re-import median ${re} s, ratio $(awk -v a="$re" -v b="$fresh" 'BEGIN{printf "%.2f", a/b}')" \
    "(target ≤ 1.50)   fresh: $(tr '\n' ' ' < "$OUT/$db-fresh.times")  re-import: $(tr '\n' ' ' < "$OUT/$db-reimport.times")" \
    | tee -a "$OUT/summary.txt"
  cp "$WORK/service.log" "$OUT/$db-service.log"   # keeps the per-import timing lines ("Roster … imported … in N ms")
}

for db in $DBS; do
  case "$db" in
    h2)
      SERVICE_ARGS=()
      start_bench_service "$PORT"
      trap cleanup EXIT
      measure h2
      stop_bench_service
      ;;
    postgres)
      start_test_postgres
      [ -n "${MADOGUCHI_TEST_PG_URL:-}" ] || { say "No PostgreSQL available; skipping it."; continue; }
      trap cleanup EXIT
      PSQL="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql"
      # jdbc:postgresql://host:port/db → host, port
      hostport="${MADOGUCHI_TEST_PG_URL#jdbc:postgresql://}"; hostport="${hostport%%/*}"
      PG_HOST="${hostport%%:*}"; PG_PORT_USED="${hostport##*:}"
      [ "$PG_PORT_USED" != "$PG_HOST" ] || PG_PORT_USED=5432
      BENCH_DB="madoguchi_bench_$$"
      PGPASSWORD="$MADOGUCHI_TEST_PG_PASSWORD" "$PSQL" -h "$PG_HOST" -p "$PG_PORT_USED" -U "$MADOGUCHI_TEST_PG_USER" \
        -d postgres -qc "CREATE DATABASE $BENCH_DB" >/dev/null
      SERVICE_ARGS=(--spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT_USED/$BENCH_DB"
        --spring.datasource.username="$MADOGUCHI_TEST_PG_USER" --spring.datasource.password="$MADOGUCHI_TEST_PG_PASSWORD")
      start_bench_service "$PORT"
      trap cleanup EXIT
      measure postgres
      stop_bench_service
      ;;
    *) say "unknown database $db (h2, postgres)"; exit 1 ;;
  esac
done
