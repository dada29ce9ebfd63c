#!/usr/bin/env bash
# Time of `java -jar reader-adapter.jar ship` for 100,000 events to a local stub service that verifies the chain.
source "$(dirname "$0")/reader-bench-common.sh"
bench_java ship "${EVENTS:-100000}"
