#!/usr/bin/env bash
# Measures the ledger at scale, everything side by side in one run on this machine (bench/README.md).
#   ITEMS=1000000 DURATION=15 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${ITEMS:-1000000}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5099}
DATA="bench/out/data-$ITEMS"
RESULTS="bench/out/results-$ITEMS.md"
BASE="http://127.0.0.1:$PORT"
mkdir -p bench/out

command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q wrk >/dev/null; } || { echo "wrk is missing: apt-get install wrk"; exit 1; }
dotnet build -c Release -nologo -v q bench/Duban.Bench >/dev/null
dotnet build -c Release -nologo -v q src/Duban >/dev/null

if [ ! -f "$DATA/bench.env" ]; then
  echo "==> generating $ITEMS items in $DATA"
  /usr/bin/time -v dotnet bench/Duban.Bench/bin/Release/net10.0/Duban.Bench.dll generate --data "$DATA" --items "$ITEMS" 2> bench/out/generate.time
  grep -E "Elapsed|Maximum resident" bench/out/generate.time
fi
# shellcheck disable=SC1091
source "$DATA/bench.env"

echo "==> starting the server on $BASE"
Bench__Ceiling=true Logging__LogLevel__Default=Warning \
  dotnet src/Duban/bin/Release/net10.0/Duban.dll serve --data "$DATA" --urls "$BASE" > bench/out/server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 1; done
curl -sf "$BASE/healthz" >/dev/null || { echo "server did not start"; cat bench/out/server.log; exit 1; }

AUTH="Authorization: Bearer $TOKEN"
API="$BASE/api/v1/items?unit=$UNIT&state=InProgress&page=1&pageSize=50"
CEILING="$BASE/bench/ceiling/items?unit=$UNIT&state=InProgress&page=1&pageSize=50"
PAGE="$BASE/ledger?unit=$UNIT&state=InProgress"

# The same rows from both: the ceiling is only worth comparing if it answers the same page.
diff <(curl -sf -H "$AUTH" "$API" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], [i["id"] for i in d["items"]])') \
     <(curl -sf "$CEILING" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], [i["id"] for i in d["items"]])') \
  || { echo "the API and the ceiling disagree"; exit 1; }

rps() { # url [header]
  local out
  if [ -n "${2:-}" ]; then out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$2" "$1"); else out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1"); fi
  echo "$out" >> bench/out/wrk.log
  local errors; errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" || true)
  [ -z "$errors" ] || { echo "errors while measuring $1: $errors" >&2; }
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}
latency_ms() { # url header n -> "cold median"
  local cold times
  cold=$(curl -sf -o /dev/null -w "%{time_total}" -H "$2" "$1")
  times=$(for _ in $(seq 1 "$3"); do curl -sf -o /dev/null -w "%{time_total}\n" -H "$2" "$1"; done | sort -n)
  python3 -c "import sys; t=[float(x) for x in sys.argv[2].split()]; print(f'{float(sys.argv[1])*1000:.1f} {t[len(t)//2]*1000:.1f}')" "$cold" "$times"
}

: > bench/out/wrk.log
echo "==> warming up"
for url in "$API" "$PAGE"; do wrk -t1 -c4 -d3s -H "$AUTH" "$url" >/dev/null; done
wrk -t1 -c4 -d3s "$CEILING" >/dev/null

echo "==> (d) single requests, before the load"
read -r LIGHTS_COLD LIGHTS_WARM < <(latency_ms "$BASE/api/v1/items/lights" "$AUTH" 21)
read -r DETAIL_COLD DETAIL_WARM < <(latency_ms "$BASE/api/v1/items/$DETAIL" "$AUTH" 21)
read -r COUNTS_COLD COUNTS_WARM < <(latency_ms "$BASE/api/v1/items?counts=true&pageSize=50" "$AUTH" 21)

# A login cookie as a browser holds it: each request with it also checks its session in the database.
JAR=$(mktemp)
XSRF=$(curl -sf -c "$JAR" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -sf -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "Input.UserName=bench-supervisor" --data-urlencode "Input.Password=Bench#2026" \
  --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$XSRF" "$BASE/account/login"
SESSION="Cookie: $(awk '$6 ~ /^duban.auth/ {printf "%s=%s; ", $6, $7}' "$JAR")"
rm -f "$JAR"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$SESSION" "$API")" = 200 ] || { echo "signing in for the cookie measurement failed"; exit 1; }

echo "==> (b) ceiling, (a) API, (e) API with a login cookie, (c) page: $CONNECTIONS connections, ${DURATION}s each"
B=$(rps "$CEILING")
A=$(rps "$API" "$AUTH")
E=$(rps "$API" "$SESSION")
C=$(rps "$PAGE" "$AUTH")
RATIO=$(python3 -c "print(f'{$A/$B:.2f}')")

{
  echo "| measurement | figure | goal | met |"
  echo "|---|---|---|---|"
  echo "| (b) ceiling: raw SQL page + total, same JSON | $B rps | — | — |"
  echo "| (a) items API, Supervisor token, unit+state, page of 50 with total | $A rps | ≥ 0.8 × (b) | $(python3 -c "print('yes' if $A >= 0.8*$B else 'no')") (ratio $RATIO) |"
  echo "| (e) the same API request with a login cookie (session checked in the database) | $E rps | — | $(python3 -c "print(f'{$E/$A:.2f}')") × (a) |"
  echo "| (c) ledger list page (HTML) | $C rps | ≥ 1300 rps | $(python3 -c "print('yes' if $C >= 1300 else 'no')") |"
  echo "| (d) light counts for all units, first request / median of 21 | $LIGHTS_COLD ms / $LIGHTS_WARM ms | < 50 ms | $(python3 -c "print('yes' if $LIGHTS_COLD < 50 else ('warm only' if $LIGHTS_WARM < 50 else 'no'))") |"
  echo "| (d) item detail with history, first / median of 21 | $DETAIL_COLD ms / $DETAIL_WARM ms | < 50 ms | $(python3 -c "print('yes' if $DETAIL_WARM < 50 else 'no')") |"
  echo "| list with light counts, unfiltered, first / median of 21 | $COUNTS_COLD ms / $COUNTS_WARM ms | — | — |"
} | tee "$RESULTS"
echo "items: $ITEMS; machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" | tee -a "$RESULTS"
