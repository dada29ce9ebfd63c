# Shared by reader-read.sh and reader-ship.sh: builds the jar and the test classes, computes the class path.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$ROOT"
mvn -B -q -pl reader-adapter package -DskipTests
mvn -B -q -pl reader-adapter dependency:build-classpath -Dmdep.outputFile="$ROOT/reader-adapter/target/bench-classpath.txt" \
  -Dmdep.includeScope=test >/dev/null
BENCH_CP="reader-adapter/target/test-classes:reader-adapter/target/classes:$(cat reader-adapter/target/bench-classpath.txt)"
rm -f reader-adapter/target/bench-classpath.txt
bench_java() { "$JAVA_HOME/bin/java" -cp "$BENCH_CP" jp.madoguchi.reader.bench.AdapterBenchmark "$@"; }
