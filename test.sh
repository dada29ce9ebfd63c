#!/usr/bin/env bash
# Runs every test of madoguchi: installs what the tests need (PostgreSQL, Chromium, fonts, PC/SC, poppler, zbar,
# LibreOffice Calc to save workbooks the way offices do),
# starts a private PostgreSQL on loopback, then `mvn verify` at the root (reader adapter and service).
# Extra arguments go to Maven, e.g. ./test.sh -Dtest=RosterIntakeH2Test -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
source "$ROOT/scripts/test-services.sh"
cd "$ROOT"
ensure_packages "${FONT_PACKAGES[@]}" postgresql chromium chromium-driver poppler-utils zbar-tools libreoffice-calc-nogui \
  pcscd vsmartcard-vpcd pcsc-tools libpcsclite1
ensure_maven
pick_jdk
start_test_postgres
mvn -B -ntp verify "$@"
