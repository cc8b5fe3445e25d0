#!/usr/bin/env bash
# End-to-end check of issue 11 (analyses.md §7, hub-api.md §13): ../shared/tools/hub-replay
# serves the real LMArena text history (91 dates, its parquet copy too) and the v1 leaderboard
# snapshot at once. The v1 table is fetched into a temporary cache, then LMArena into the same
# cache: the fetch must say its path (parquet), status must list both, `print frontier
# --format markdown` must give the figures measured before by hand on the shared CSV (first
# date 2024-07-07: gap 70; last date 2025-08-04: GLM-4.5 1434 vs Gemini-2.5-Pro 1470, gap 36,
# lag 89 days), and the v1 table file and its meta record must be what they were. Under 30 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPLAY=../shared/tools/hub-replay
ARENA_DATA=../shared/data/lmarena-text-2024-2025
V1_DATA=../shared/data/leaderboard-v1-2024
ARENA=lmarena-ai/leaderboard-dataset
V1=open-llm-leaderboard-old/contents
WORK=$(mktemp -d)
CACHE=$WORK/cache
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

echo "-- building"
npm run build >/dev/null 2>&1 || echo "   (the build reported type errors; using what it emitted)"
[ -f dist/cli.js ] || fail "dist/cli.js was not built"

"$REPLAY" --port 0 --ready-file "$WORK/ready" --data "$ARENA_DATA" --data "$V1_DATA" \
  --file "$ARENA:text/full/0000.parquet=$ARENA_DATA/text-full-0000.parquet" >/dev/null 2>"$WORK/replay.log" &
PIDS+=($!)
for _ in $(seq 1 600); do [ -s "$WORK/ready" ] && break; sleep 0.1; done
[ -s "$WORK/ready" ] || { cat "$WORK/replay.log"; fail "hub-replay did not start"; }
URL=$(head -1 "$WORK/ready")
hubscope() { HF_ENDPOINT=$URL HUBSCOPE_DATASETS_SERVER=$URL HF_TOKEN= HF_HOME="$WORK/hf" node dist/cli.js "$@"; }
record() { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["datasets"][sys.argv[2]], sort_keys=True))' "$CACHE/meta.json" "$1"; }

start=$(date +%s)
echo "-- fetch v1's table ($V1)"
hubscope fetch --cache "$CACHE" --dataset "$V1" --only leaderboard 2>"$WORK/v1.log" || { tail -5 "$WORK/v1.log"; fail "v1 fetch"; }
V1_SHA=$(sha256sum "$CACHE/datasets/open-llm-leaderboard-old--contents/leaderboard.json" | cut -c1-16)
V1_RECORD=$(record "$V1")

echo "-- fetch $ARENA into the same cache"
hubscope fetch --cache "$CACHE" --dataset "$ARENA" 2>"$WORK/arena.log" || { cat "$WORK/arena.log"; fail "arena fetch"; }
sed 's/^/   /' "$WORK/arena.log"
grep -q '^table: parquet: 1 file listed by the dataset viewer' "$WORK/arena.log" || fail "the fetch did not say it took the parquet path"
[ -f "$CACHE/datasets/lmarena-ai--leaderboard-dataset/arena.json" ] || fail "no datasets/lmarena-ai--leaderboard-dataset/arena.json"

echo "-- status"
hubscope status --cache "$CACHE" --dataset "$ARENA" >"$WORK/status.txt" || fail "status"
sed 's/^/   /' "$WORK/status.txt"
grep -qE "^  \* $ARENA +arena text/full, overall, 15,899 rows, 91 dates 2024-07-07 → 2025-08-04, 285 models; fetched .*\(parquet\)$" "$WORK/status.txt" || fail "status: no arena line with its rows and dates"
grep -qE "^    $V1 +leaderboard v1, 6,610 entries, " "$WORK/status.txt" || fail "status: no v1 line"

echo "-- print frontier --format markdown"
hubscope print frontier --cache "$CACHE" --dataset "$ARENA" --format markdown >"$WORK/frontier.md" || fail "print frontier"
head -20 "$WORK/frontier.md" | sed 's/^/   /'
expect() { grep -qF -- "$1" "$WORK/frontier.md" || fail "print frontier: no \"$1\""; }
expect 'On 2025-08-04 the best open model (GLM-4.5, Z.ai, 1434) trails the best proprietary (Gemini-2.5-Pro, Google, 1470) by 36 points'
expect 'the proprietary frontier of 89 days earlier'
expect '| gap on the first date, 2024-07-07 | 70 points, outside the margin |'
expect '| gap on the last date, 2025-08-04 | 36 points, outside the margin |'
expect '| lag on 2025-08-04 | 89 days |'
expect '| 2024-07-07 | GPT-4o-2024-05-13 | 1287 |'
expect '| 2025-08-04 | Gemini-2.5-Pro | 1470 | GLM-4.5 | 1434 | 36 | outside | 89 |'
grep -F 'median lag' "$WORK/frontier.md" | sed 's/^/   /'

echo "-- the v1 table is untouched"
[ "$(sha256sum "$CACHE/datasets/open-llm-leaderboard-old--contents/leaderboard.json" | cut -c1-16)" = "$V1_SHA" ] || fail "v1's leaderboard.json changed"
[ "$(record "$V1")" = "$V1_RECORD" ] || fail "v1's meta record changed"
hubscope print overview --cache "$CACHE" --dataset "$V1" --format json >"$WORK/v1-overview.json" || fail "print v1 overview"
python3 - "$WORK/v1-overview.json" <<'PYEOF' || fail "v1's overview does not point to the frontier"
import json, sys
f = json.load(open(sys.argv[1], encoding="utf-8"))["data"]["frontier"]
assert f["dataset"] == "lmarena-ai/leaderboard-dataset" and f["headline"].startswith("On 2025-08-04 the best open model (GLM-4.5"), f
print("   v1 overview's frontier line:", f["headline"][:100] + "…")
PYEOF
echo "   v1 leaderboard.json $V1_SHA, meta record the same; its overview points to the frontier"
echo "OK ($(($(date +%s) - start)) s after the build)"
