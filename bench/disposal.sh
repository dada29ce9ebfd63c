#!/usr/bin/env bash
# Benchmark: disposal (issue 13) of SCALE records (default 100,000) with holds sprinkled in, on the embedded H2
# database (and on PostgreSQL with DBS="h2 postgres"). Target: a disposal of 100,000 records completes in ≤ 60 s and
# never touches a held one. Each of RUNS runs (default 3) on fresh data: SCALE records created three years back,
# written by JDBC with the service stopped (bench/DisposalBench.java seed): SCALE/100 completed rosters with a real
# file each in the content store (and two rejected rows), 10 cases a roster, and generated documents (case_document)
# for the rest; then the service from the jar (-Xmx512m, BENCH_XMX; the search feeder idle): retention classes of
# 1 year from CREATED for roster-file and generated-document (ADMIN, PUT /api/retention/classes/…), holds through
# POST /api/retention/holds (a record hold on every 97th document and every 37th roster, a case hold on every
# 101st case), the proposal (officer, POST /api/retention/disposals) timed, a few holds more placed after it (every
# 1009th document, one case, one roster: the approval must keep them, as HELD), the approval (admin,
# POST …/approve, which carries the disposal out) timed. Checks after each run (DisposalBench check; the script
# fails otherwise): every held record not disposed, without tombstone, its file and rejected rows still there;
# every other record disposed with exactly one tombstone, its file and rejected rows gone; disposed + held = the
# records proposed. Baseline in the same script, on a throwaway copy of the same data (before the holds placed
# after the proposal): plain SQL in one transaction (the held keys into a scratch table by INSERT … SELECT from
# legal_hold, one UPDATE … SET disposed_at per table over the due records not in it, the rejected rows deleted, one
# tombstone each by INSERT … SELECT, commit) and the rosters' files deleted (DisposalBench baseline). Medians over the runs of proposal and approval time and records/s, approval / baseline.
#   SCALE=5000 bench/disposal.sh      (a small run)      DBS="h2 postgres" RUNS=3 bench/disposal.sh
# Raw numbers and logs: bench/out/disposal/.
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"
pick_jdk
SCALE="${SCALE:-100000}"
RUNS="${RUNS:-3}"
DBS="${DBS:-h2}"
PORT="${PORT:-18129}"
OUT="$ROOT/bench/out/disposal"
rm -rf "$OUT" && mkdir -p "$OUT"
source "$ROOT/bench/service-bench.sh"
source "$ROOT/scripts/test-services.sh"
[ -f target/madoguchi.jar ] && [ -f reader-adapter/target/reader-adapter.jar ] || mvn -B -q -DskipTests package
command -v jq >/dev/null || ensure_packages jq

BENCH_HOME=$(mktemp -d)
PG_DBS=()
pg() { PGPASSWORD="$MADOGUCHI_TEST_PG_PASSWORD" "$PSQL" -h "$PG_HOST" -p "$PG_PORT_USED" -U "$MADOGUCHI_TEST_PG_USER" \
  -d postgres -qc "$1" >/dev/null; }
cleanup() {
  stop_bench_service
  for d in ${PG_DBS[@]+"${PG_DBS[@]}"}; do pg "DROP DATABASE IF EXISTS $d" 2>/dev/null || true; done
  stop_test_postgres 2>/dev/null || true
  rm -rf "$BENCH_HOME"
}
trap cleanup EXIT
compile_bench_helper DisposalBench
helper() { java -Xmx1g -cp "$BENCH_HOME/classes:$CP" DisposalBench "$@"; }
TODAY=$(TZ=Asia/Tokyo date +%F)
API="localhost:$PORT"

# Places the holds of a file of request bodies (one a line) through the API, as the officer, in one curl process
# (one connection); every answer must be 201.
place_holds() {
  local bodies="$1" config="$1.curl"
  [ -s "$bodies" ] || return 0
  awk -v base="http://$API" 'NR > 1 { print "next" } {
      gsub(/\\/, "\\\\"); gsub(/"/, "\\\"")
      print "url = \"" base "/api/retention/holds\""; print "user = \"officer:demo\""
      print "header = \"Content-Type: application/json\""; print "output = \"/dev/null\""
      print "write-out = \"%{http_code}\\n\""; print "data = \"" $0 "\"" }' "$bodies" > "$config"
  local codes; codes=$(curl -s -K "$config" | sort | uniq -c | tr -s ' ' | sed 's/^ //')
  [ "$codes" = "$(wc -l < "$bodies") 201" ] || { say "holds of $bodies answered: $codes"; exit 1; }
}

# The service on data directory $1 (SERVICE_ARGS set per database); trap restored to ours.
start() {
  export BENCH_DATA_DIR="$1"
  start_bench_service "$PORT"
  trap cleanup EXIT
}
stop() {
  [ -n "${WORK:-}" ] && cp "$WORK/service.log" "$1" 2>/dev/null || true
  stop_bench_service
  unset BENCH_DATA_DIR
}

# One run on fresh data: $1 database, $2 run number, $3 data directory (a copy of the template, its database
# already a copy too), $4 JDBC URL of that database, $5 a data directory and $6 a JDBC URL for the baseline's
# throwaway copy, made by the function $7 (copy_h2 or copy_pg).
run() {
  local db="$1" k="$2" data="$3" url="$4" bdata="$5" burl="$6" copy="$7"
  local dir="$OUT/$db/run-$k"; mkdir -p "$dir"
  say "$db run $k: seeding $SCALE records…"
  helper seed "$url" "$DB_USER" "$DB_PASSWORD" "$data" "$SCALE" "$dir" | tee "$dir/seed.txt"
  start "$data"
  for type in roster-file generated-document; do
    code=$(curl -s -o "$dir/class.json" -w '%{http_code}' -u admin:demo -X PUT -H 'Content-Type: application/json' \
      -d '{"years":1,"from":"CREATED"}' "$API/api/retention/classes/$type")
    [ "$code" = 200 ] || { say "class $type answered $code: $(head -c 300 "$dir/class.json")"; exit 1; }
  done
  place_holds "$dir/holds.jsonl"
  stop "$dir/service-holds.log"
  # The baseline on a throwaway copy of the same data (service stopped), then the copy removed.
  "$copy" "$data" "$bdata" make
  helper baseline "$burl" "$DB_USER" "$DB_PASSWORD" "$bdata" | tee "$dir/baseline.txt"
  "$copy" "$data" "$bdata" drop
  start "$data"
  say "$db run $k: the proposal…"
  local t0 t1 t2 t3 code
  t0=$(now)
  code=$(curl -s -o "$dir/proposal.json" -w '%{http_code}' -u officer:demo -H 'Content-Type: application/json' \
    -d "{\"asOf\":\"$TODAY\"}" "$API/api/retention/disposals")
  t1=$(now)
  [ "$code" = 201 ] || { say "the proposal answered $code: $(head -c 300 "$dir/proposal.json")"; exit 1; }
  local id records; id=$(jq -r .id "$dir/proposal.json"); records=$(jq '.records | length' "$dir/proposal.json")
  place_holds "$dir/late-holds.jsonl"
  say "$db run $k: the approval of disposal $id ($records records)…"
  t2=$(now)
  code=$(curl -s -o "$dir/approval.json" -w '%{http_code}' -u admin:demo -X POST "$API/api/retention/disposals/$id/approve")
  t3=$(now)
  [ "$code" = 200 ] || { say "the approval answered $code: $(head -c 300 "$dir/approval.json")"; exit 1; }
  stop "$dir/service.log"
  helper check "$url" "$DB_USER" "$DB_PASSWORD" "$data" "$id" | tee "$dir/check.txt" ||
    { say "$db run $k: the check FAILED (see $dir/check.txt)"; exit 1; }
  local disposed held; disposed=$(jq -r .disposed "$dir/approval.json"); held=$(jq -r .held "$dir/approval.json")
  local base; base=$(awk '{print $2; exit}' "$dir/baseline.txt")
  echo "$k $(secs "$t0" "$t1") $(secs "$t2" "$t3") $records $disposed $held $base" | tee -a "$OUT/$db/runs.txt"
}

copy_h2() {
  case "$3" in make) rm -rf "$2"; cp -a "$1" "$2" ;; drop) rm -rf "$2" ;; esac
}
copy_pg() {
  case "$3" in
    make) rm -rf "$2"; cp -a "$1" "$2"; pg "CREATE DATABASE ${RUN_DB}_b TEMPLATE $RUN_DB"; PG_DBS+=("${RUN_DB}_b") ;;
    drop) rm -rf "$2"; pg "DROP DATABASE ${RUN_DB}_b" ;;
  esac
}

for db in $DBS; do
  mkdir -p "$OUT/$db"
  echo "# run proposal_s approval_s records_proposed disposed held baseline_s" > "$OUT/$db/runs.txt"
  case "$db" in
    h2)
      DB_USER=madoguchi DB_PASSWORD=""
      SERVICE_ARGS=(--madoguchi.search.poll-interval=1h)
      say "H2: the schema and the demo users (a first start on an empty data directory)…"
      start "$BENCH_HOME/h2-template"; stop "$OUT/h2/service-template.log"
      for k in $(seq 1 "$RUNS"); do
        rm -rf "$BENCH_HOME/h2-run"; cp -a "$BENCH_HOME/h2-template" "$BENCH_HOME/h2-run"
        run h2 "$k" "$BENCH_HOME/h2-run" "jdbc:h2:file:$BENCH_HOME/h2-run/db/madoguchi;CACHE_SIZE=65536" \
          "$BENCH_HOME/h2-baseline" "jdbc:h2:file:$BENCH_HOME/h2-baseline/db/madoguchi;CACHE_SIZE=65536" copy_h2
        rm -rf "$BENCH_HOME/h2-run"
      done
      ;;
    postgres)
      start_test_postgres
      [ -n "${MADOGUCHI_TEST_PG_URL:-}" ] || { say "No PostgreSQL available; skipping it."; continue; }
      trap cleanup EXIT
      PSQL="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql"
      hostport="${MADOGUCHI_TEST_PG_URL#jdbc:postgresql://}"; hostport="${hostport%%/*}"
      PG_HOST="${hostport%%:*}"; PG_PORT_USED="${hostport##*:}"
      DB_USER="$MADOGUCHI_TEST_PG_USER" DB_PASSWORD="$MADOGUCHI_TEST_PG_PASSWORD"
      TEMPLATE_DB="madoguchi_disposal_$$"
      pg "CREATE DATABASE $TEMPLATE_DB"; PG_DBS+=("$TEMPLATE_DB")
      pg_args() { SERVICE_ARGS=(--madoguchi.search.poll-interval=1h --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT_USED/$1"
        --spring.datasource.username="$DB_USER" --spring.datasource.password="$DB_PASSWORD"); }
      say "PostgreSQL: the schema and the demo users (a first start on an empty database)…"
      pg_args "$TEMPLATE_DB"
      start "$BENCH_HOME/pg-template"; stop "$OUT/postgres/service-template.log"
      for k in $(seq 1 "$RUNS"); do
        RUN_DB="${TEMPLATE_DB}_$k"
        pg "CREATE DATABASE $RUN_DB TEMPLATE $TEMPLATE_DB"; PG_DBS+=("$RUN_DB")
        rm -rf "$BENCH_HOME/pg-run"; cp -a "$BENCH_HOME/pg-template" "$BENCH_HOME/pg-run"
        pg_args "$RUN_DB"
        run postgres "$k" "$BENCH_HOME/pg-run" "jdbc:postgresql://$PG_HOST:$PG_PORT_USED/$RUN_DB" \
          "$BENCH_HOME/pg-baseline" "jdbc:postgresql://$PG_HOST:$PG_PORT_USED/${RUN_DB}_b" copy_pg
        pg "DROP DATABASE $RUN_DB"
        rm -rf "$BENCH_HOME/pg-run"
      done
      ;;
    *) say "Unknown database $db (h2, postgres)"; exit 1 ;;
  esac
done

{
echo "[bench] disposal: $SCALE records a run, $RUNS runs on fresh data, $(nproc) cores, service -Xmx${BENCH_XMX:-512m}, JDK $JAVA_HOME"
for db in $DBS; do
  runs="$OUT/$db/runs.txt"
  [ "$(grep -vc '^#' "$runs" || true)" -gt 0 ] || continue
  col() { grep -v '^#' "$runs" | awk -v c="$1" '{print $c}' | median; }
  prop=$(col 2); appr=$(col 3); base=$(col 7)
  rate=$(grep -v '^#' "$runs" | awk '{printf "%.0f\n", $4/$3}' | median)
  echo "[bench] $db: $(grep '^seeded' "$OUT/$db/run-1/seed.txt" | sed 's/; in .*//')"
  echo "[bench] $db: per run (proposal s, approval s, proposed, disposed, held, baseline s): $(grep -v '^#' "$runs" | awk '{printf "%s[%s %s %s %s %s %s]", (NR>1?" ":""), $2, $3, $4, $5, $6, $7}')"
  echo "[bench] $db: median proposal $prop s; median approval (carrying out) $appr s, $rate records/s; proposal + approval $(awk -v a="$prop" -v b="$appr" 'BEGIN{printf "%.2f", a+b}') s"
  echo "[bench] $db: baseline (plain SQL, one transaction, on a copy) median $base s; approval / baseline = $(awk -v a="$appr" -v b="$base" 'BEGIN{printf "%.1f", (b>0?a/b:0)}')"
  if [ "$SCALE" -ge 100000 ]; then
    echo "[bench] $db: target ≤ 60 s for 100,000 records: $(awk -v a="$appr" 'BEGIN{print (a<=60?"met":"NOT MET")}') (approval median $appr s for $SCALE records)"
  else
    echo "[bench] $db: target ≤ 60 s for 100,000 records: not judged at SCALE=$SCALE (at this run's rate, 100,000 would take about $(awk -v r="$rate" 'BEGIN{printf "%.0f", (r>0?100000/r:0)}') s; run with the default SCALE)"
  fi
  echo "[bench] $db: checks: $(grep -h '^check' "$OUT/$db"/run-*/check.txt | awk '{sub(/:$/, "", $2); print $2}' | sort | uniq -c | awk '{printf "%s%s %s", (NR>1?", ":""), $1, $2}') of $RUNS runs (held records never disposed, the others disposed once with a tombstone)"
done
} | tee "$OUT/summary.txt"
