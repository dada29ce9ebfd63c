#!/usr/bin/env bash
# Scans benchmark input (issue 10): writes N pages of signed 300-dpi documents, scanned with the corpus's office
# effect mix (skew, rotation, colour/grey/black-and-white/dithered, JPEG, noise, dust), as one image-only PDF plus a
# truth file (and a multi-page TIFF with --tiff). Then, unless NO_READ=1, times the QR decoding alone on that file
# (MarkReaderBench: median ms/page and pages/s over RUNS runs).
# Usage: bench/scan-corpus.sh [pages=100] [out=/tmp/scan-300dpi-<pages>p.pdf] [extra ScanCorpusCli args, e.g. --tiff /tmp/s.tif]
# Needs the Debian packages fonts-ipaexfont-mincho fonts-ipaexfont-gothic fonts-ipamj-mincho (the forms' fonts).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
PAGES="${1:-100}"
OUT="${2:-/tmp/scan-300dpi-${PAGES}p.pdf}"
shift $(( $# > 2 ? 2 : $# ))
# The service depends on the reader adapter's jar: build both in one reactor run (see forms-packet.sh).
mvn -B -q -pl src -am -DskipTests package dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench-classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
"$JAVA_HOME/bin/java" -Xmx${HEAP:-512m} -cp "$CP" jp.madoguchi.scans.corpus.ScanCorpusCli \
  --pages "$PAGES" --dpi "${DPI:-300}" --pdf "$OUT" --truth "$OUT.truth.tsv" "$@"
if [[ "${NO_READ:-0}" != 1 ]]; then
  exec "$JAVA_HOME/bin/java" -Xmx${HEAP:-512m} -XX:+UseParallelGC -cp "$CP" jp.madoguchi.scans.corpus.MarkReaderBench "$OUT" "${RUNS:-3}"
fi
