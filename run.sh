#!/usr/bin/env bash
# Builds madoguchi and runs it in demo mode on the embedded database (data in ./data). Extra arguments go to the
# service, e.g. ./run.sh --server.port=9090
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$ROOT"
ensure_packages "${FONT_PACKAGES[@]}"
ensure_maven
pick_jdk
say "Building (tests skipped; ./test.sh runs them)…"
mvn -B -q -DskipTests package
port=8080
for a in "$@"; do case "$a" in --server.port=*) port="${a#--server.port=}" ;; esac; done
say "Starting demo mode: http://localhost:$port/"
say "Demo sign-ins (password 'demo'): clerk (窓口), officer (記録), operator (運用), admin (管理)"
exec "$JAVA_HOME/bin/java" -Xmx512m -jar target/madoguchi.jar --spring.profiles.active=demo "$@"
