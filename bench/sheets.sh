#!/usr/bin/env bash
# The spreadsheet benchmark (bench/README.md): import and export of N rows beside bare MiniExcel on the same rows,
# and raw prepared inserts, each step in its own process for its own peak memory, all in one run.
#   ROWS=100000 bench/sheets.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
DIR=bench/out/sheets
RESULTS=bench/out/sheets-$ROWS.md
mkdir -p "$DIR"
dotnet build -c Release -nologo -v q bench/Duban.Bench >/dev/null
BENCH="dotnet bench/Duban.Bench/bin/Release/net10.0/Duban.Bench.dll sheets"

# step ARGS…: runs one step under /usr/bin/time; prints "step rows seconds peak-MB"
step() {
  local out
  out=$(/usr/bin/time -f "%M" -o "$DIR/time.txt" $BENCH "$@" --dir "$DIR" --rows "$ROWS" 2> "$DIR/step.err") \
    || { cat "$DIR/step.err" >&2; return 1; }
  [ -s "$DIR/step.err" ] && sed 's/^/    /' "$DIR/step.err" >&2
  printf '%s\t%s\n' "$out" "$(( $(tail -1 "$DIR/time.txt") / 1024 ))"
}

echo "==> preparing $ROWS rows"
step prepare >/dev/null
{
  echo "| step | rows | seconds | rows/s | peak MB |"
  echo "|---|---:|---:|---:|---:|"
  # Each pair twice, alternating, so a noisy moment does not favour one side.
  for round in 1 2; do
    for s in bare-read "import --campaign SHEET-$round" bare-write "export --campaign SHEET-$round" raw-insert; do
      # shellcheck disable=SC2086
      step $s | awk -F'\t' -v r="$round" '{ printf "| %s (round %s) | %d | %.2f | %.0f | %d |\n", $1, r, $2, $3, ($3 > 0 ? $2 / $3 : 0), $4 }'
    done
  done
} | tee "$RESULTS"
echo "results: $RESULTS"
