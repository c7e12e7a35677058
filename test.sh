#!/usr/bin/env bash
# The one test command: installs what is missing (PostgreSQL, xmlsec1, aiosmtpd, Chromium, poppler), starts a private PostgreSQL on
# 127.0.0.1 for the run, runs every test suite on SQLite and PostgreSQL, stops what it started, and exits
# non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n==> %s\n' "$*"; }

. tools/private-postgres.sh

command -v dotnet >/dev/null || { echo "The .NET SDK (dotnet) is required." >&2; exit 1; }
need_package xmlsec1 xmlsec1
# A real OCSP responder (openssl ocsp) and CRLs (openssl ca -gencrl) for the revocation tests.
need_package openssl openssl
# A real SMTP server for the notification tests (they start and stop it themselves, on 127.0.0.1).
need_package /usr/lib/python3/dist-packages/aiosmtpd python3-aiosmtpd
# Headless Chromium makes the documents' PDFs; pdftotext reads them back in the tests; DejaVu has the Kazakh letters.
need_package /usr/bin/chromium chromium
need_package pdftotext poppler-utils
need_package /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core
trap stop_private_postgres EXIT
start_private_postgres
export KEZEK_TEST_POSTGRES="$PRIVATE_POSTGRES"

log "building"
dotnet build Kezek.slnx -c Release -warnaserror --nologo -v quiet

log "testing"
status=0
for project in tests/Kezek.UnitTests tests/Kezek.IntegrationTests; do
  started=$SECONDS
  dotnet test "$project" -c Release --no-build --nologo --logger "console;verbosity=minimal" || status=1
  log "$(basename "$project"): $((SECONDS - started)) s"
done

if [ "$status" -ne 0 ]; then log "FAILED"; else log "all suites passed"; fi
exit "$status"
