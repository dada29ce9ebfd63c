#!/usr/bin/env bash
# Starts a private PostgreSQL cluster on loopback for the persistence tests, unless MADOGUCHI_TEST_PG_URL already
# names a reachable server. Sourced by test.sh; exports MADOGUCHI_TEST_PG_* and registers a stop on exit.

PG_PORT="${MADOGUCHI_TEST_PG_PORT:-54329}"
PG_DIR="${MADOGUCHI_TEST_PG_DIR:-${TMPDIR:-/tmp}/madoguchi-test-pg}"

start_test_postgres() {
  if [ -n "${MADOGUCHI_TEST_PG_URL:-}" ]; then
    say "PostgreSQL for tests: $MADOGUCHI_TEST_PG_URL (given)"
    return 0
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    say "PostgreSQL server binaries not found; the PostgreSQL tests will be skipped (or fail in CI)."
    return 0
  fi
  # initdb and postgres refuse to run as root: run them as the postgres system user then.
  local as=()
  if [ "$(id -u)" -eq 0 ]; then as=(runuser -u postgres --); fi
  if "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
    say "PostgreSQL for tests already running in $PG_DIR"
  else
    rm -rf "$PG_DIR"
    mkdir -p "$PG_DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
    echo madoguchi > "$PG_DIR/pw" && chmod 644 "$PG_DIR/pw"
    "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -E UTF8 --locale=C.UTF-8 -U madoguchi --pwfile="$PG_DIR/pw" \
      -A scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 || { say "initdb failed: $(tail -3 "$PG_DIR/initdb.log")"; return 0; }
    "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off" start >/dev/null ||
      { say "PostgreSQL did not start: $(tail -3 "$PG_DIR/server.log")"; return 0; }
    PGPASSWORD=madoguchi "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U madoguchi -d postgres -qc \
      "CREATE DATABASE madoguchi_test" >/dev/null
    STARTED_TEST_PG="$bin"
    trap stop_test_postgres EXIT
    say "PostgreSQL for tests started on 127.0.0.1:$PG_PORT"
  fi
  export MADOGUCHI_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/madoguchi_test"
  export MADOGUCHI_TEST_PG_USER=madoguchi MADOGUCHI_TEST_PG_PASSWORD=madoguchi
}

stop_test_postgres() {
  [ -n "${STARTED_TEST_PG:-}" ] || return 0
  local as=()
  if [ "$(id -u)" -eq 0 ]; then as=(runuser -u postgres --); fi
  "${as[@]}" "$STARTED_TEST_PG/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
}
