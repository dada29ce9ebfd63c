#!/usr/bin/env bash
# Forms benchmark (issue 3): a 1,000-applicant × 4-document packet, the naive variant, and single
# documents per second. Usage: bench/forms-packet.sh [runs=5] [applicants=1000]
# Needs the Debian packages fonts-ipaexfont-mincho fonts-ipaexfont-gothic fonts-ipamj-mincho.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# The service depends on the reader adapter's jar (the device log's ChainVerifier): build both.
# One reactor run, so the service's class path names the adapter's freshly built jar (the service module runs last
# and writes the file last; -pl keeps the empty aggregator from writing after it).
mvn -B -q -pl src -am -DskipTests package dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench-classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" -Xmx${HEAP:-512m} -XX:+UseParallelGC -cp "$CP" jp.madoguchi.forms.FormsBenchmark "${1:-5}" "${2:-1000}"
