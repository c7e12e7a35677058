#!/usr/bin/env bash
# The one test command: installs what is missing (PostgreSQL, xmlsec1, aiosmtpd, Chromium, poppler, Node.js), starts a private
# PostgreSQL on 127.0.0.1 for the run, runs every test suite on SQLite and PostgreSQL, builds and tests the web portal (vitest,
# then Playwright against a real Kezek), stops what it started, and exits non-zero on any failure.
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
# The web portal (web/) is built with Node.js 20 or newer and npm.
need_package node nodejs
need_package npm npm
# The studio's Playwright test makes a dead letter in the SQLite database of its Kezek.
need_package sqlite3 sqlite3
trap stop_private_postgres EXIT
start_private_postgres
export KEZEK_TEST_POSTGRES="$PRIVATE_POSTGRES"

status=0
# The portal first: its build runs graphql-codegen and tsc, so an operation that disagrees with schema.graphql fails here.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
log "web: npm ci"
started=$SECONDS
(cd web && npm ci --no-audit --no-fund --loglevel=error)
log "web npm ci: $((SECONDS - started)) s"
started=$SECONDS
(cd web && npm run build --silent)
log "web build (codegen, tsc, vite): $((SECONDS - started)) s"

log "building"
# The server's own web build is skipped: web/ was just built.
dotnet build Kezek.slnx -c Release -warnaserror --nologo -v quiet -p:KezekWebBuild=false

log "testing"
started=$SECONDS
(cd web && npx vitest run) || status=1
log "web vitest: $((SECONDS - started)) s"

for project in tests/Kezek.UnitTests tests/Kezek.IntegrationTests; do
  started=$SECONDS
  dotnet test "$project" -c Release --no-build --nologo --logger "console;verbosity=minimal" || status=1
  log "$(basename "$project"): $((SECONDS - started)) s"
done

# End to end: Playwright drives Debian's Chromium against a real Kezek (Development, SQLite in a temporary folder, a free port).
started=$SECONDS
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export KEZEK_E2E_PORT KEZEK_E2E_STANDIN_PORT KEZEK_E2E_DATA KEZEK_E2E_STANDIN_DATA
KEZEK_E2E_PORT=$(free_port)
KEZEK_E2E_STANDIN_PORT=$(free_port)
KEZEK_E2E_DATA=$(mktemp -d /tmp/kezek-e2e-XXXXXX)
KEZEK_E2E_STANDIN_DATA=$(mktemp -d /tmp/kezek-e2e-standin-XXXXXX)
(cd web && npx playwright test) || status=1
rm -rf "$KEZEK_E2E_DATA" "$KEZEK_E2E_STANDIN_DATA"
log "web playwright: $((SECONDS - started)) s (screenshots in web/e2e/artifacts/screenshots)"

if [ "$status" -ne 0 ]; then log "FAILED"; else log "all suites passed"; fi
exit "$status"
