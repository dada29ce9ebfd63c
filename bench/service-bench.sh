# Shared by the benchmarks that drive the running service (sourced after scripts/common.sh and pick_jdk).

# Starts the service in demo mode with -Xmx512m on a fresh data directory, from a private copy of the jar (a rebuild
# of target/ during the run must not pull classes out from under it), and waits until it answers. Sets WORK (a
# temporary folder, removed at exit with the service stopped) and SERVICE_PID. Log: $WORK/service.log.
# An optional second argument names another jar to run instead (e.g. an earlier build, for a baseline).
# SERVICE_ARGS (optional, an array) adds arguments, e.g. a PostgreSQL datasource instead of the embedded H2.
# BENCH_XMX (optional) changes the heap cap (default 512m); BENCH_DATA_DIR (optional) runs on that data directory
# instead of a fresh one, and it is kept at stop (a benchmark that seeds the database and restarts the service).
start_bench_service() {
  local port="$1" jar="${2:-target/madoguchi.jar}"
  [ -f target/madoguchi.jar ] && [ -f reader-adapter/target/reader-adapter.jar ] || mvn -B -q -DskipTests package
  WORK=$(mktemp -d)
  cp "$jar" "$WORK/madoguchi.jar"
  java -Xmx"${BENCH_XMX:-512m}" -jar "$WORK/madoguchi.jar" --spring.profiles.active=demo \
    --madoguchi.data-dir="${BENCH_DATA_DIR:-$WORK/data}" \
    --server.port="$port" ${SERVICE_ARGS[@]+"${SERVICE_ARGS[@]}"} > "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  trap stop_bench_service EXIT
  for _ in $(seq 1 1200); do curl -sf "localhost:$port/actuator/health" >/dev/null && return 0; sleep 0.1; done
  say "The service did not start: $(tail -5 "$WORK/service.log")"
  exit 1
}

stop_bench_service() {
  [ -n "${SERVICE_PID:-}" ] && { kill "$SERVICE_PID" 2>/dev/null; wait "$SERVICE_PID" 2>/dev/null || true; }
  [ -n "${WORK:-}" ] && rm -rf "$WORK"
  SERVICE_PID="" WORK=""
  return 0
}

# The median of the numbers on standard input, one per line.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Extracts the service's jar into $BENCH_HOME/cp and compiles bench/<class>.java against its classes and libraries
# (once per run); sets CP. Run the class with: java -cp "$BENCH_HOME/classes:$CP" <class> ….
compile_bench_helper() {
  java -Djarmode=tools -jar target/madoguchi.jar extract --destination "$BENCH_HOME/cp" >/dev/null
  CP="$BENCH_HOME/cp/madoguchi.jar:$BENCH_HOME/cp/lib/*"
  mkdir -p "$BENCH_HOME/classes"
  javac -d "$BENCH_HOME/classes" -cp "$CP" "bench/$1.java"
}

# Wall-clock stamps and the seconds between two of them.
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b-a}'; }
