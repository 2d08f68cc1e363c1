#!/usr/bin/env bash
# System tools the test suite needs besides Node: poppler-utils (pdftotext, pdftoppm, pdfinfo,
# pdfsig) to read the certificates back, Chromium for the browser check of the verification page,
# redis-server unless a Redis already answers on 127.0.0.1:6379 or REDIS_URL is set, and
# PostgreSQL's server binaries (initdb, postgres, pg_basebackup) for the read-replica test, which
# starts its own primary and streaming replica.
# Run as root with apt-get it installs what is missing; otherwise it prints the one command to run.
# `npm test` runs it first (pretest); .ci/run calls it too.
set -euo pipefail

missing=()
for tool in pdftotext pdftoppm pdfinfo pdfsig; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    missing+=(poppler-utils)
    break
  fi
done
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/pg_basebackup' >/dev/null || missing+=(postgresql)
if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null 2>&1 &&
  ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  missing+=(redis-server)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages the tests need: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi

echo "Missing system packages for the tests: ${missing[*]}. Install them: sudo apt-get install -y ${missing[*]}" >&2
exit 1
