#!/usr/bin/env bash
# Two builds of the server side by side on the same bench data, each started in turn, alternating ROUNDS times:
# (a) the items API with a token and (c) the ledger page, after a warm-up. For "did this change cost anything".
#   bench/compare.sh /path/to/old/Duban.dll /path/to/new/Duban.dll      (data from bench/run.sh, ITEMS=1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$1 NEW=$2
ITEMS=${ITEMS:-1000000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
PORT=${PORT:-5098}
DATA="bench/out/data-$ITEMS"
BASE="http://127.0.0.1:$PORT"
# shellcheck disable=SC1091
source "$DATA/bench.env"
AUTH="Authorization: Bearer $TOKEN"
API="$BASE/api/v1/items?unit=$UNIT&state=InProgress&page=1&pageSize=50"
PAGE="$BASE/ledger?unit=$UNIT&state=InProgress"

rps() { wrk -t2 -c32 -d"${DURATION}s" -H "$AUTH" "$1" | awk '/Requests\/sec/ {print $2}'; }

measure() { # label dll
  Logging__LogLevel__Default=Warning dotnet "$2" serve --data "$DATA" --urls "$BASE" > "bench/out/compare-$1.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 120); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 1; done
  # The light tally builds in the background after start; wait until the lights answer from it, then warm up.
  curl -sf -H "$AUTH" "$BASE/api/v1/items/lights" >/dev/null
  sleep 5
  wrk -t1 -c4 -d3s -H "$AUTH" "$API" >/dev/null; wrk -t1 -c4 -d3s -H "$AUTH" "$PAGE" >/dev/null
  echo "$1 $(rps "$API") $(rps "$PAGE")"
  kill "$server"; wait "$server" 2>/dev/null || true
}

echo "build (a) items API rps, (c) ledger page rps; $ROUNDS rounds of ${DURATION}s, $ITEMS items"
for round in $(seq 1 "$ROUNDS"); do
  measure "old-$round" "$OLD"
  measure "new-$round" "$NEW"
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
