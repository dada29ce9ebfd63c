#!/usr/bin/env bash
# Scans end to end (issue 10): the service with -Xmx512m on H2; consent forms printed through the API, filled in,
# scanned at 300 dpi with the corpus's office mix (skew, upside down, colour/grey/black-and-white/dithered, JPEG,
# noise, dust, a pen stroke across a QR code) and uploaded as image-only PDFs to POST /api/scans (decode, match,
# signature check, store). Then, on the same files, the QR decoding alone (MarkReaderBench, one thread).
# Target: >= 8 pages/s end to end. Also reports the service's peak heap (GC log) and RSS.
# Usage: bench/scan-service.sh            PAGES=100 RUNS=3 DPI=300 BIG_PAGES=0
# BIG_PAGES=500: then one file of 500 pages (the runs' pages repeated) through the same service, heap still 512 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
pick_jdk
source bench/service-bench.sh
PAGES="${PAGES:-100}" RUNS="${RUNS:-3}" DPI="${DPI:-300}"
mvn -B -q -ntp -DskipTests package >/dev/null
mvn -B -q -ntp -pl src test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench-classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
PORT="${PORT:-18093}"
SERVICE_ARGS=(--logging.level.root=WARN)
start_bench_service "$PORT"
OUT="$WORK/scans"
say "service pid $SERVICE_PID; $RUNS files of $PAGES pages at $DPI dpi"
java -Xmx2g -cp "$CP" jp.madoguchi.scans.corpus.ScanServiceBench "$PORT" "$PAGES" "$RUNS" "$OUT" "$DPI" "${BIG_PAGES:-0}" |
  tee "$WORK/e2e.txt"
say "peak RSS of the service: $(awk '/VmHWM/ {print $2/1024 " MiB"}' /proc/$SERVICE_PID/status)"
say "heap after the runs: $(jcmd "$SERVICE_PID" GC.heap_info 2>/dev/null | grep -m1 -E 'total|garbage-first' || true)"
say "QR decoding alone on the same pages (one thread):"
java -Xmx512m -XX:+UseParallelGC -cp "$CP" jp.madoguchi.scans.corpus.MarkReaderBench "$OUT/scan-run1.pdf" "$RUNS"
