#!/usr/bin/env bash
# The README's test command. Installs what a fresh Debian/Ubuntu machine lacks (PostgreSQL server binaries for the
# embedded test database, Chromium for the browser tests), builds once, runs every test project in the solution,
# and ends with one summary line: "Tests: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -i "Noto Sans" >/dev/null || missing+=(fonts-noto-core) # (not -q: under pipefail an early exit fails the pipe)
# The periodic report's PDF is LibreOffice's conversion of the DOCX; the tests read PDFs back with poppler.
# (Writer itself, not just any soffice: Calc alone provides the command but cannot open a DOCX.)
ls /usr/lib/libreoffice/program/libswlo.so >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
# The CSV export test opens CSV files in LibreOffice Calc (Vietnamese settings, ';' separator).
[[ -e /usr/lib/libreoffice/program/libsclo.so ]] || missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# The scale-out test puts two instances behind a real nginx.
[[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "Installing ${missing[*]} (Debian packages)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}. Install them first: sudo apt-get install -y ${missing[*]}" >&2
    echo "(Without Debian's Chromium: build, then run: pwsh tests/KhcnTracker.BrowserTests/bin/Debug/net10.0/playwright.ps1 install chromium)" >&2
    exit 1
  fi
fi
export KHCN_CHROMIUM="${KHCN_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"

dotnet build KhcnTracker.sln -nologo -v quiet -clp:ErrorsOnly
log=$(mktemp)
set +e
rm -rf tests/*/TestResults
dotnet test KhcnTracker.sln --no-build -nologo --logger trx 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# The PostgreSQL server the tests ran on and the pg_dump the backup test used (they must be the same major version).
grep -ohE "PostgreSQL server [^<]*" tests/*/TestResults/*.trx 2>/dev/null | sort -u || true
passed=$(grep -oE "Passed: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE "Failed: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}')
echo "Tests: ${passed} passed, ${failed} failed"
exit "$status"
