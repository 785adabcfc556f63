#!/usr/bin/env bash
# Runs every test: domain and integration tests on SQLite, the same integration tests on PostgreSQL, and the
# browser tests in Debian's Chromium. LibreOffice (Calc and Writer) prints the exported ledger and an official document
# to PDF, poppler reads them back, and the document's fonts come from the free CJK faces the shipped fonts.conf maps the
# official ones to. Installs what is missing when it runs as root; ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")"
results="$PWD/TestResults"
rm -rf "$results/trx"
mkdir -p "$results/trx"

say() { printf '==> %s\n' "$*"; }

need_packages=()
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
# The printed 台账 and 公文 tests convert to PDF with LibreOffice's Calc and Writer and read the pages with poppler.
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
command -v soffice >/dev/null || need_packages+=(libreoffice-calc-nogui)
installed libreoffice-writer-nogui || installed libreoffice-writer || need_packages+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null && command -v pdffonts >/dev/null || need_packages+=(poppler-utils)
# The faces fonts.conf maps the official fonts to: Noto Serif/Sans CJK SC, its Black weight (小标宋), AR PL UKai (楷体).
# (grep reads all of fc-list: with -q it would stop early, fc-list would die of SIGPIPE and pipefail would report a missing face).
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need_packages+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -i "Noto Serif CJK SC Black" >/dev/null || need_packages+=(fonts-noto-cjk-extra)
fc-list 2>/dev/null | grep -i "AR PL UKai CN" >/dev/null || need_packages+=(fonts-arphic-ukai)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need_packages+=(postgresql)
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing ${need_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "${need_packages[@]}" >/dev/null
  else
    say "missing: ${need_packages[*]} — install them (apt-get install ${need_packages[*]}) or run as root"
  fi
fi

# PostgreSQL for the provider tests: start the local cluster and give postgres a password.
postgres_ready=no
if [ -z "${DUBAN_TEST_POSTGRES:-}" ] && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  pgver=$(ls /usr/lib/postgresql | sort -V | tail -1)
  pg_lsclusters -h 2>/dev/null | grep -q "^$pgver main" || pg_createcluster "$pgver" main >/dev/null
  pg_ctlcluster "$pgver" main start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qc "ALTER USER postgres PASSWORD 'postgres';" >/dev/null
    export DUBAN_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"
  fi
fi
if [ -n "${DUBAN_TEST_POSTGRES:-}" ]; then
  postgres_ready=yes
  filter=()
else
  say "PostgreSQL is not available: the PostgreSQL runs of the integration tests are left out of this run"
  filter=(--filter-not-trait "Database=Postgres")
fi
[ "${CI:-}" = true ] && [ "$postgres_ready" = no ] && { echo "CI needs PostgreSQL"; exit 1; }

say "building"
dotnet build Duban.slnx -c Release -nologo -v q || { echo "tests: 0 passed, 1 failed"; exit 1; }

say "running tests (PostgreSQL: $postgres_ready)"
dotnet test --solution Duban.slnx -c Release --no-build --max-parallel-test-modules 1 \
  --report-trx --results-directory "$results/trx" "${filter[@]}" > "$results/test-output.log" 2>&1
status=$?
grep -E "^(failed|  (Assert|Expected|Actual)|Test run summary|  (total|failed|succeeded|skipped):)" "$results/test-output.log" | head -80

summary=$(python3 - "$results/trx" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        outcome = result.get("outcome")
        if outcome == "Passed": passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"): skipped += 1
        else: failed += 1
        messages = result.find("t:Output/t:ErrorInfo/t:Message", ns)
        if outcome not in ("Passed", "NotExecuted", "Inconclusive") and messages is not None:
            print(f"--- {result.get('testName')}\n" + "\n".join((messages.text or "").splitlines()[:12]), file=sys.stderr)
line = f"tests: {passed} passed, {failed} failed"
print(line + (f", {skipped} skipped" if skipped else ""))
PY
)
echo "$summary"
case "$summary" in
  "tests: 0 passed"*) exit 1 ;;
esac
[ $status -eq 0 ] || exit $status
echo "$summary" | grep -q ", 0 failed" || exit 1
