#!/usr/bin/env bash
# Median wall time of 100 `java -jar reader-adapter.jar read` runs through pcscd + vpcd + a jCardSim card.
# Needs: pcscd, vsmartcard-vpcd, libpcsclite1 (Debian); starts pcscd in the foreground if none runs.
#
#   bench/reader-read.sh              # as the machine is configured
#   bench/reader-read.sh --quickack   # root only: loopback route with quickack while measuring, then restored
#
# Why --quickack: vpcd sends each APDU as a 2-byte length and the data in two writes without TCP_NODELAY, so on a
# default loopback every APDU waits for the receiver's delayed ACK (~40 ms). That is an artefact of the virtual
# reader (a USB CCID reader has no TCP), so both figures are reported.
source "$(dirname "$0")/reader-bench-common.sh"
RUNS="${RUNS:-100}"
if [[ "${1:-}" == "--quickack" ]]; then
  ROUTE="$(ip route show table local | grep -E '^local 127\.0\.0\.1 ' | head -1)"
  ip route change $ROUTE table local quickack 1
  trap 'ip route change $ROUTE table local' EXIT
  echo "(loopback route temporarily with quickack 1)"
fi
bench_java read "$RUNS"
