#!/usr/bin/env bash
# Benchmark: the nightly reconciliation (issue 12) at SCALE cases (default 1,000,000) with 5 device events each
# (5,000,000), a leaflet document and a signed consent each, on the embedded H2 database and on PostgreSQL.
# Targets: ≤ 4 min on H2, ≤ 60 s on PostgreSQL, heap ≤ 1 GB (-Xmx1g). Baseline in the same run, on the same data:
# one plain SQL query joining every case's steps, device events and signed documents, streamed (ReconcileBench
# baseline). Planted faults: every 10,000th case (by position) has a fault of one finding type, plus events of
# unknown cases; the run must find each of them and nothing else (ReconcileBench check).
#   SCALE=20000 bench/reconcile.sh      (a small run)      DBS=h2 bench/reconcile.sh      (one database)
# Raw numbers and logs: bench/out/reconcile/.
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"
pick_jdk
SCALE="${SCALE:-1000000}"
DBS="${DBS:-h2 postgres}"
DAY="${DAY:-2026-11-20}"
PORT="${PORT:-18125}"
OUT="$ROOT/bench/out/reconcile"
rm -rf "$OUT" && mkdir -p "$OUT"
source "$ROOT/bench/service-bench.sh"
source "$ROOT/scripts/test-services.sh"
[ -f target/madoguchi.jar ] && [ -f reader-adapter/target/reader-adapter.jar ] || mvn -B -q -DskipTests package

BENCH_HOME=$(mktemp -d)
cleanup() {
  stop_bench_service
  [ -n "${BENCH_DB:-}" ] && PGPASSWORD="$MADOGUCHI_TEST_PG_PASSWORD" "$PSQL" -h "$PG_HOST" -p "$PG_PORT_USED" \
    -U "$MADOGUCHI_TEST_PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $BENCH_DB" >/dev/null 2>&1 || true
  stop_test_postgres 2>/dev/null || true
  rm -rf "$BENCH_HOME"
}
trap cleanup EXIT
compile_bench_helper ReconcileBench
helper() { java -Xmx1g -cp "$BENCH_HOME/classes:$CP" ReconcileBench "$@"; }

ROSTERS=$(( (SCALE + 99999) / 100000 ))
ROWS=$(( (SCALE + ROSTERS - 1) / ROSTERS ))
for i in $(seq 1 "$ROSTERS"); do java bench/RosterGenerator.java --rows "$ROWS" --seed "$((700 + i))" --out "$BENCH_HOME/roster-$i.csv"; done

# Cases through the service's own import (the search feeder idle), the rest by JDBC with the service stopped.
seed() {
  local db="$1" url="$2" user="$3" password="$4"
  start_bench_service "$PORT"
  trap cleanup EXIT
  for i in $(seq 1 "$ROSTERS"); do
    code=$(curl -s -o "$OUT/roster-response.json" -w '%{http_code}' -u clerk:demo -F "file=@$BENCH_HOME/roster-$i.csv" "localhost:$PORT/api/rosters")
    [ "$code" = 201 ] || { say "roster $i answered $code: $(head -c 300 "$OUT/roster-response.json")"; exit 1; }
  done
  stop_bench_service
  mkdir -p "$OUT/$db"
  helper seed "$url" "$user" "$password" "$OUT/$db" "$DAY" | tee "$OUT/$db/seed.txt"
}

# The job through its command line (batch-jobs/reconcile/reconcile), timed; heap sampled with jstat.
run_job() {
  local db="$1"; shift
  local t0; t0=$(now)
  MADOGUCHI_JAR=target/madoguchi.jar MADOGUCHI_JAVA_OPTS="-Xmx1g" batch-jobs/reconcile/reconcile --date="$DAY" \
    "$@" > "$OUT/$db/job.log" 2>&1 &
  local pid=$!
  sleep 1
  local jpid; jpid=$(pgrep -f "madoguchi.reconcile.date=$DAY" | head -n 1 || true)
  [ -n "$jpid" ] && "$JAVA_HOME/bin/jstat" -gc "$jpid" 250 > "$OUT/$db/jstat.txt" 2>/dev/null &
  wait "$pid" || { say "the job failed: $(tail -5 "$OUT/$db/job.log")"; exit 1; }
  JOB_WALL=$(secs "$t0" "$(now)")
  JOB_SECS=$(grep -o "Job: \[SimpleJob: \[name=reconcile\]\] completed with .* in [0-9a-z. ]*" "$OUT/$db/job.log" | sed 's/.* in //' | tail -n 1)
  HEAP=$(awk 'NR==1{for(i=1;i<=NF;i++)c[$i]=i; next} $1!="S0C"{u=$c["S0U"]+$c["S1U"]+$c["EU"]+$c["OU"]; if(u>m)m=u} END{printf "%.0f", m/1024}' "$OUT/$db/jstat.txt" 2>/dev/null || echo "?")
}

for db in $DBS; do
  case "$db" in
    h2)
      export BENCH_DATA_DIR="$BENCH_HOME/h2-data"
      SERVICE_ARGS=(--madoguchi.search.poll-interval=1h)
      URL="jdbc:h2:file:$BENCH_DATA_DIR/db/madoguchi;CACHE_SIZE=65536"
      say "H2: importing $SCALE cases, seeding steps, events and documents…"
      seed h2 "$URL" madoguchi ""
      helper baseline "$URL" madoguchi "" "$DAY" | tee "$OUT/h2/baseline.txt"
      say "H2: the job…"
      run_job h2 --madoguchi.data-dir="$BENCH_DATA_DIR" --spring.profiles.active=demo
      helper check "$URL" madoguchi "" "$OUT/h2" "$DAY" | tee "$OUT/h2/check.txt"
      echo "h2 job=${JOB_SECS:-?} wall=$JOB_WALL heap=$HEAP" > "$OUT/h2/result.txt"
      unset BENCH_DATA_DIR
      ;;
    postgres)
      start_test_postgres
      [ -n "${MADOGUCHI_TEST_PG_URL:-}" ] || { say "No PostgreSQL available; skipping it."; continue; }
      trap cleanup EXIT
      PSQL="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql"
      hostport="${MADOGUCHI_TEST_PG_URL#jdbc:postgresql://}"; hostport="${hostport%%/*}"
      PG_HOST="${hostport%%:*}"; PG_PORT_USED="${hostport##*:}"
      BENCH_DB="madoguchi_reconcile_$$"
      PGPASSWORD="$MADOGUCHI_TEST_PG_PASSWORD" "$PSQL" -h "$PG_HOST" -p "$PG_PORT_USED" -U "$MADOGUCHI_TEST_PG_USER" \
        -d postgres -qc "CREATE DATABASE $BENCH_DB" >/dev/null
      URL="jdbc:postgresql://$PG_HOST:$PG_PORT_USED/$BENCH_DB"
      export BENCH_DATA_DIR="$BENCH_HOME/pg-data"
      SERVICE_ARGS=(--madoguchi.search.poll-interval=1h --spring.datasource.url="$URL"
        --spring.datasource.username="$MADOGUCHI_TEST_PG_USER" --spring.datasource.password="$MADOGUCHI_TEST_PG_PASSWORD")
      say "PostgreSQL: importing $SCALE cases, seeding steps, events and documents…"
      seed postgres "$URL" "$MADOGUCHI_TEST_PG_USER" "$MADOGUCHI_TEST_PG_PASSWORD"
      PGPASSWORD="$MADOGUCHI_TEST_PG_PASSWORD" "$PSQL" -h "$PG_HOST" -p "$PG_PORT_USED" -U "$MADOGUCHI_TEST_PG_USER" \
        -d "$BENCH_DB" -qc "VACUUM ANALYZE" >/dev/null
      helper baseline "$URL" "$MADOGUCHI_TEST_PG_USER" "$MADOGUCHI_TEST_PG_PASSWORD" "$DAY" | tee "$OUT/postgres/baseline.txt"
      say "PostgreSQL: the job…"
      run_job postgres --madoguchi.data-dir="$BENCH_DATA_DIR" --spring.profiles.active=demo \
        --spring.datasource.url="$URL" --spring.datasource.username="$MADOGUCHI_TEST_PG_USER" \
        --spring.datasource.password="$MADOGUCHI_TEST_PG_PASSWORD"
      helper check "$URL" "$MADOGUCHI_TEST_PG_USER" "$MADOGUCHI_TEST_PG_PASSWORD" "$OUT/postgres" "$DAY" | tee "$OUT/postgres/check.txt"
      echo "postgres job=${JOB_SECS:-?} wall=$JOB_WALL heap=$HEAP" > "$OUT/postgres/result.txt"
      unset BENCH_DATA_DIR
      ;;
  esac
done

{
echo "[bench] reconciliation: $SCALE cases, $(nproc) cores, -Xmx1g, JDK $JAVA_HOME, day $DAY"
for db in $DBS; do
  [ -f "$OUT/$db/result.txt" ] || continue
  target=$([ "$db" = h2 ] && echo 240 || echo 60)
  read -r _ job wall heap < "$OUT/$db/result.txt"
  # Spring Batch writes a duration as 1m5s20ms, 42s89ms or 935ms.
  js=$(awk -v j="${job#job=}" 'BEGIN{ t=0; while (match(j, /^[0-9]+(ms|m|s)/)) { u=substr(j, RSTART, RLENGTH); n=u+0;
        if (u ~ /ms$/) t+=n/1000; else if (u ~ /m$/) t+=n*60; else t+=n; j=substr(j, RLENGTH+1) } printf "%.1f", t }')
  echo "[bench] $db: $(grep '^seeded' "$OUT/$db/seed.txt")"
  echo "[bench] $db: job ${js} s (Spring Batch's own figure; target ≤ $target s, $(awk -v a="$js" -v t="$target" 'BEGIN{print (a<=t?"met":"NOT met")}')); command wall ${wall#wall=} s including the service's start; peak heap ${heap#heap=} MB of 1024"
  echo "[bench] $db: $(cat "$OUT/$db/baseline.txt"); job / baseline = $(awk -v a="$js" -v b="$(awk '{print $2; exit}' "$OUT/$db/baseline.txt")" 'BEGIN{printf "%.1f", a/b}')"
  echo "[bench] $db: $(cat "$OUT/$db/check.txt" | head -n 1)"
done
} | tee "$OUT/summary.txt"
