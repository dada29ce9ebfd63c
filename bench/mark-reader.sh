#!/usr/bin/env bash
# QR decoding alone (issue 10): times MarkReader.read per page of a scan file (image-only PDF or multi-page TIFF, e.g.
# from bench/scan-corpus.sh), the page images decoded untimed; median ms/page and pages/s over the runs.
# Usage: bench/mark-reader.sh [file=/tmp/scan-300dpi-100p.pdf] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -pl src -am -DskipTests package dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench-classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" -Xmx${HEAP:-512m} -XX:+UseParallelGC -cp "$CP" jp.madoguchi.scans.corpus.MarkReaderBench \
  "${1:-/tmp/scan-300dpi-100p.pdf}" "${2:-3}"
