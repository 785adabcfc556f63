#!/usr/bin/env bash
# Times the dashboard (GET /api/v1/dashboard and the home page) beside a bare endpoint (/healthz), side by side in
# one run: the first request of each, then ROUNDS rounds taking each in turn, so load hits them alike.
#   DATA=/tmp/benchdash/data-1000000 bench/dashboard.sh      (a COPY of a `generate` folder: the server migrates it)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:?set DATA to a copy of a data folder made by Duban.Bench generate}
ROUNDS=${ROUNDS:-21}
PORT=${PORT:-5098}
BASE="http://127.0.0.1:$PORT"
dotnet build -c Release -nologo -v q src/Duban >/dev/null
# shellcheck disable=SC1091
source "$DATA/bench.env"
AUTH="Authorization: Bearer $TOKEN"

Logging__LogLevel__Default=Warning dotnet src/Duban/bin/Release/net10.0/Duban.dll serve --data "$DATA" --urls "$BASE" > /tmp/duban-dashboard-bench.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 1; done
curl -sf "$BASE/healthz" >/dev/null || { echo "server did not start"; cat /tmp/duban-dashboard-bench.log; exit 1; }

time_ms() { curl -sf -o /dev/null -w "%{time_total}" ${2:+-H "$2"} "$1" | python3 -c "import sys; print(f'{float(sys.stdin.read())*1000:.1f}')"; }

declare -A NAMES=([bare]="$BASE/healthz" [api]="$BASE/api/v1/dashboard" [page]="$BASE/" [lights]="$BASE/api/v1/items/lights")
ORDER=(bare api page lights)
echo "==> first requests after start (tally: $(grep -c 'tally' /tmp/duban-dashboard-bench.log || true) log lines)"
for name in "${ORDER[@]}"; do
  header=$([ "$name" = bare ] || echo "$AUTH")
  echo "first $name: $(time_ms "${NAMES[$name]}" "$header") ms"
done
# Figures the API gives, to note beside the times.
curl -sf -H "$AUTH" "$BASE/api/v1/dashboard" | python3 -c '
import json, sys
d = json.load(sys.stdin)
n = {x["key"]: x["value"] for x in d["numbers"]}
print("dashboard:", d["kind"], len(n), "figures; items", n["items"], "red", n["items.Red"], "closed", n["items.Closed"])'

declare -A TIMES
for _ in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do
    header=$([ "$name" = bare ] || echo "$AUTH")
    TIMES[$name]+="$(time_ms "${NAMES[$name]}" "$header") "
  done
done
python3 - "${TIMES[bare]}" "${TIMES[api]}" "${TIMES[page]}" "${TIMES[lights]}" <<'PY'
import sys, statistics
names = ["bare /healthz", "GET /api/v1/dashboard", "GET / (home page with the dashboard)", "GET /api/v1/items/lights"]
runs = [[float(x) for x in a.split()] for a in sys.argv[1:]]
medians = [statistics.median(r) for r in runs]
for name, r, m in zip(names, runs, medians):
    print(f"{name}: median of {len(r)} {m:.1f} ms; min {min(r):.1f}; max {max(r):.1f}; {m / medians[0]:.1f} × bare")
PY
# The grouped counts behind the weekly chart are cached 30 s (LightCountCache) and keyed by the last change: once
# they expire, or after any write, the next request counts again.
sleep 31
echo "api after the 30 s cache lifetime: $(time_ms "$BASE/api/v1/dashboard" "$AUTH") ms; then $(time_ms "$BASE/api/v1/dashboard" "$AUTH") ms"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
