#!/usr/bin/env bash
# Median wall time of 100 `java -jar reader-adapter.jar read` runs through pcscd + vpcd + a jCardSim card.
# Needs: pcscd, vsmartcard-vpcd, libpcsclite1 (Debian); starts pcscd in the foreground if none runs.
#
#   bench/reader-read.sh              # as the machine is configured
#   bench/reader-read.sh --quickack   # root only: quickack on the loopback route of vpcd's own network namespace
#
# Why --quickack: vpcd sends each APDU as a 2-byte length and the data in two writes without TCP_NODELAY, so on a
# default loopback every APDU waits for the receiver's delayed ACK (~40 ms). That is an artefact of the virtual
# reader (a USB CCID reader has no TCP), so both figures are reported.
source "$(dirname "$0")/reader-bench-common.sh"
RUNS="${RUNS:-100}"
if [[ "${1:-}" == "--quickack" ]]; then
  # pcscd and vpcd run in a network namespace of their own (see PcscStack): the route change stays inside it.
  export MADOGUCHI_VPCD_QUICKACK=1
  echo "(quickack 1 on the loopback route of vpcd's namespace)"
fi
bench_java read "$RUNS"
