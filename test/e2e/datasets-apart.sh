#!/usr/bin/env bash
# End-to-end check of issue 7 §1 (acceptance 1): v1 and v2 in one cache are kept apart.
# ../shared/tools/hub-replay serves the real v1 snapshot and a small v2 table of our own
# (test/fixtures/datasets-apart/v2: 30 rows in the v2 columns of hub-api.md §1.1) at once.
# v1 is fetched into a cache and its overview saved as JSON; then v2 is fetched into the same
# cache. `status` must list both, the v1 table file must be byte for byte what it was and its
# overview JSON the same (the clock aside: `options.now` and the ages it gives), and
# `print overview` without --dataset must name v2, the most recently fetched. Before v2, the
# issue's own case: the explorer started without --dataset on the v1 cache, `r` pressed — it
# must show and refresh v1, and no v2 table may appear (tmux; skipped without it). About 40 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPLAY=../shared/tools/hub-replay
V1_DATA=../shared/data/leaderboard-v1-2024
V2_DATA=test/fixtures/datasets-apart/v2
V1=open-llm-leaderboard-old/contents
V2=open-llm-leaderboard/contents
WORK=$(mktemp -d)
CACHE=$WORK/cache
PIDS=()
SESSION="hubscope-apart-$$"
cleanup() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

echo "-- building"
npm run build >/dev/null 2>&1 || echo "   (the build reported type errors; using what it emitted)"
[ -f dist/cli.js ] || fail "dist/cli.js was not built"

"$REPLAY" --port 0 --ready-file "$WORK/ready" --data "$V1_DATA" --data "$V2_DATA" >/dev/null 2>"$WORK/replay.log" &
PIDS+=($!)
for _ in $(seq 1 600); do [ -s "$WORK/ready" ] && break; sleep 0.1; done
[ -s "$WORK/ready" ] || { cat "$WORK/replay.log"; fail "hub-replay did not start"; }
URL=$(head -1 "$WORK/ready")
hubscope() { HF_ENDPOINT=$URL HUBSCOPE_DATASETS_SERVER=$URL HF_TOKEN= HF_HOME="$WORK/hf" node dist/cli.js "$@"; }

# the overview's JSON without the clock's readings (options.now, the ages measured from it, and
# the times stages ended: the explorer's r below re-runs v1's stages, so their times move)
same_json() {
  python3 - "$1" "$2" <<'PYEOF'
import json, sys
def strip(v):
    if isinstance(v, dict): return {k: strip(x) for k, x in v.items() if k not in ("now", "ages") and not k.endswith("FetchedAt")}
    if isinstance(v, list): return [strip(x) for x in v]
    return v
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
same = strip(a) == strip(b)
print(f"   v1 overview JSON: {'identical' if same else 'DIFFERENT'} (the clock aside); "
      f"{len(json.dumps(a))} characters, {len(a['data']['sections'])} sections, "
      f"{a['data']['counts']['models']} models, authors {a['data']['sections'][0]['figures'][0]['value']}")
sys.exit(0 if same else 1)
PYEOF
}
table_sha() { sha256sum "$CACHE/datasets/$1/leaderboard.json" | cut -c1-16; }

start=$(date +%s)
echo "-- fetch v1 ($V1)"
hubscope fetch --cache "$CACHE" --dataset "$V1" --concurrency 32 2>"$WORK/v1.log" || { tail -5 "$WORK/v1.log"; fail "v1 fetch"; }
tail -1 "$WORK/v1.log" | sed 's/^/   /'
hubscope print overview --cache "$CACHE" --dataset "$V1" --format json >"$WORK/v1-before.json" || fail "print v1 overview"
V1_SHA=$(table_sha open-llm-leaderboard-old--contents)

if command -v tmux >/dev/null; then
  echo "-- the explorer without --dataset on the v1 cache: r refreshes v1, never fetches v2"
  screen() { tmux capture-pane -p -t "$SESSION"; }
  wait_for() { # text, seconds
    local deadline=$((SECONDS + $2))
    until screen | grep -qF -- "$1"; do
      [ $SECONDS -lt $deadline ] || { screen; fail "no \"$1\" on the explorer's screen after $2 s"; }
      sleep 0.2
    done
  }
  tmux new-session -d -s "$SESSION" -x 120 -y 40 \
    "CI=true HF_ENDPOINT=$URL HUBSCOPE_DATASETS_SERVER=$URL HF_TOKEN= HF_HOME=$WORK/hf node dist/cli.js --no-fetch --cache $CACHE; sleep 600"
  wait_for "Overview — data: $V1 (v1)" 20
  tmux send-keys -t "$SESSION" r
  wait_for 'fetch done' 30
  screen | sed -n '2p;$p' | sed 's/^/   /'
  tmux send-keys -t "$SESSION" q
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  [ ! -e "$CACHE/datasets/open-llm-leaderboard--contents" ] || fail "r fetched the v2 table into the v1 cache"
  [ "$(table_sha open-llm-leaderboard-old--contents)" = "$V1_SHA" ] || fail "the v1 table changed (it was fresh)"
  python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['datasets']; sys.exit(0 if list(d) == ['$V1'] else 1)" "$CACHE/meta.json" \
    || fail "the cache holds more than v1 after r"
  echo "   the cache still holds only $V1, its table unchanged"
else
  echo "-- (tmux not installed: the explorer's r is not checked here)"
fi

echo "-- fetch v2 ($V2) into the same cache"
hubscope fetch --cache "$CACHE" --dataset "$V2" --concurrency 32 2>"$WORK/v2.log" || { tail -5 "$WORK/v2.log"; fail "v2 fetch"; }
tail -1 "$WORK/v2.log" | sed 's/^/   /'

echo "-- status lists both"
hubscope status --cache "$CACHE" >"$WORK/status.txt" || fail "status"
sed 's/^/   /' "$WORK/status.txt"
grep -Eq "^ +open-llm-leaderboard-old/contents +leaderboard v1, 6,610 entries, fetched " "$WORK/status.txt" || fail "status does not list v1"
grep -Eq "^ +\* open-llm-leaderboard/contents +leaderboard v2, 30 entries, fetched " "$WORK/status.txt" || fail "status does not list v2 as the one detailed"

echo "-- v1 is as it was"
[ "$(table_sha open-llm-leaderboard-old--contents)" = "$V1_SHA" ] || fail "the v1 table file changed"
echo "   v1 table file: byte for byte the same (sha256 $V1_SHA…)"
hubscope print overview --cache "$CACHE" --dataset "$V1" --format json >"$WORK/v1-after.json" || fail "print v1 overview again"
same_json "$WORK/v1-before.json" "$WORK/v1-after.json" || fail "the v1 overview changed"

echo "-- print overview without --dataset names v2"
hubscope print overview --cache "$CACHE" --width 100 >"$WORK/overview.txt" 2>"$WORK/overview.err" || fail "print overview"
sed -n '1,2p' "$WORK/overview.txt" | sed 's/^/   /'
sed 's/^/   stderr: /' "$WORK/overview.err"
[ "$(cat "$WORK/overview.err")" = "using $V2 (most recently fetched; --dataset to choose)" ] || fail "print did not say which dataset it used"
sed -n 2p "$WORK/overview.txt" | grep -q "^data: $V2 (v2) · " || fail "the overview's header does not name v2"
grep -q "1,829 authors\|later scrape of v1" "$WORK/overview.txt" && fail "the v2 overview shows the paper's v1 figures"
hubscope print overview --cache "$CACHE" --dataset "$V1" --width 100 | sed -n 2p | grep -q "^data: $V1 (v1) · " || fail "the v1 overview's header does not name v1"

echo "-- a dataset the cache does not hold: one line"
if hubscope print sizes --cache "$CACHE" --dataset someone/else >"$WORK/none.out" 2>"$WORK/none.err"; then fail "print of an unknown dataset succeeded"; fi
sed 's/^/   /' "$WORK/none.err"
[ "$(cat "$WORK/none.err")" = "hubscope: the cache at $CACHE has no dataset \"someone/else\": it holds $V1, $V2" ] || fail "not the one line naming the datasets held"

echo "-- e2e datasets-apart passed in $(( $(date +%s) - start )) s"
