#!/usr/bin/env bash
# Shared by run.sh and test.sh: pick the newest JDK, install missing Debian packages, start test services.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '\033[1m[madoguchi]\033[0m %s\n' "$*" >&2; }

# The newest JDK (21 or later) under /usr/lib/jvm, or JAVA_HOME when it already points at one.
pick_jdk() {
  local best="" best_major=0 home major
  for home in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$home/bin/javac" ] && [ -f "$home/release" ] || continue
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then best="$home"; best_major="$major"; fi
  done
  if [ "$best_major" -lt 21 ]; then
    say "No JDK 21 or later found under /usr/lib/jvm (found: ${best_major:-none}). Install one (e.g. Temurin 25)."
    exit 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  say "JDK: $JAVA_HOME (Java $best_major)"
}

# Installs the Debian packages that are missing; apt-get update runs once, and only when something is missing.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing Debian packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "Need root (or sudo) to install: ${missing[*]}"; exit 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_maven() {
  command -v mvn >/dev/null || ensure_packages maven
}

FONT_PACKAGES=(fonts-ipaexfont-gothic fonts-ipaexfont-mincho fonts-ipamj-mincho)
