#!/usr/bin/env bash
# End-to-end check of the explorer (issue 4): the real binary in tmux (120×40), pointed at
# ../shared/tools/hub-replay with an empty cache, as a new user would start it. The overview
# must appear at once, the background fetch must fill the cache, and every screen and the
# app-level keys must work. Screens are captured with `tmux capture-pane` into
# $E2E_CAPTURES (default: a temp dir, printed at the end).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPLAY=../shared/tools/hub-replay
DATASET=open-llm-leaderboard-old/contents
WORK=$(mktemp -d)
CAPTURES=${E2E_CAPTURES:-$WORK/captures}
mkdir -p "$CAPTURES" "$WORK/cache" "$WORK/export"
SESSION="hubscope-e2e-$$"
REPLAY_PID=""
cleanup() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  [ -n "$REPLAY_PID" ] && kill "$REPLAY_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -z "${E2E_CAPTURES:-}" ] && rm -rf "$WORK"
  return 0
}
trap cleanup EXIT

command -v tmux >/dev/null || { echo "explore-tmux: tmux is not installed" >&2; exit 1; }
[ -f dist/cli.js ] || npm run build >/dev/null

"$REPLAY" --dataset "$DATASET" --port 0 --ready-file "$WORK/replay.url" 2>"$WORK/replay.log" &
REPLAY_PID=$!
for _ in $(seq 1 300); do [ -s "$WORK/replay.url" ] && break; sleep 0.1; done
URL=$(cat "$WORK/replay.url")

screen() { tmux capture-pane -p -t "$SESSION"; }
fail() {
  echo "explore-tmux: FAIL: $*" >&2
  echo "--- last screen ---" >&2
  screen >&2 || true
  exit 1
}
# wait_for TEXT SECONDS [NAME]: until the screen shows TEXT (a fixed string); saves it as NAME
wait_for() {
  local text=$1 seconds=$2 name=${3:-}
  local deadline=$((SECONDS + seconds))
  until screen | grep -qF -- "$text"; do
    [ $SECONDS -lt $deadline ] || fail "no \"$text\" on screen after ${seconds}s"
    sleep 0.2
  done
  [ -z "$name" ] || screen >"$CAPTURES/$name.txt"
}
key() { tmux send-keys -t "$SESSION" "$@"; }

START=$(date +%s%N)
# CI=true on purpose: Ink draws nothing until exit when it thinks it runs in CI; the explorer
# must draw anyway (a tmux server started elsewhere would not pass the variable on by itself).
tmux new-session -d -s "$SESSION" -x 120 -y 40 \
  "CI=true HF_ENDPOINT=$URL HUBSCOPE_DATASETS_SERVER=$URL HF_TOKEN= node dist/cli.js --dataset $DATASET --cache $WORK/cache --export-dir $WORK/export; echo \$? > $WORK/exit-code; sleep 600"

wait_for 'Overview │' 10 01-overview-first-frame
echo "explore-tmux: first frame after $(( ($(date +%s%N) - START) / 1000000 )) ms (tmux start included)"
wait_for 'fetching' 30 02-overview-fetching
wait_for 'fetch done' 240 03-overview-fetched
wait_for 'authors (N)' 30 04-overview

# every screen, by number, with something only that screen shows
key 2; wait_for 'Leaderboard │' 20 05-leaderboard
# leaderboard: search, sort, details, filters
key /; wait_for 'search' 10
key -l '@type:chat;mistral'; key Enter; wait_for '@type:chat;mistral' 10 05a-leaderboard-search
key l; sleep 0.2; key s; wait_for 'sorted by ARC ▼' 10 05b-leaderboard-sorted
key Enter; sleep 1; screen >"$CAPTURES/05c-leaderboard-detail.txt"
grep -qiE 'commit|base' "$CAPTURES/05c-leaderboard-detail.txt" || fail "the model detail shows no base chain or commit activity"
key Escape; sleep 0.3
key Escape; sleep 0.3 # clears the search
key f; wait_for 'merges' 10 05d-leaderboard-filters
key Escape; sleep 0.3
key 3; wait_for 'Authors │' 20; wait_for 'period: month' 20 06-authors
key 4; wait_for 'Types │' 20; wait_for 'fine-tuned' 20 07-types
key 5; wait_for 'Architectures │' 20; wait_for 'Mistral' 20 08-architectures
key 6; wait_for 'Lineage │' 20; wait_for 'mistralai/Mistral-7B-v0.1' 20 09-lineage
key Enter; sleep 1; screen >"$CAPTURES/09a-lineage-tree.txt"
grep -q '├─\|└─' "$CAPTURES/09a-lineage-tree.txt" || fail "the lineage tree shows no branches"
key Escape; sleep 0.3
key 7; wait_for 'Sizes │' 20; wait_for 'params needed' 20 10-sizes
key 8; wait_for 'Improvement │' 20; wait_for 'days since release' 20 11-improvement

# Tab / Shift-Tab, help, period, scrolling
key Tab; wait_for 'Overview │' 10
key BTab; wait_for 'Improvement │' 10
key '?'; wait_for 'Keys on Improvement' 10 12-help-improvement
key Escape; wait_for 'days since release' 10; sleep 0.3
key n; wait_for 'normalised by ln(1 + n(d))' 10
key m; wait_for 'presets by name pattern (m)' 10
key b; wait_for 'score: ARC (b: next)' 10
key f; wait_for '[x] Mistral 7B' 10 13-family-picker
key Escape; sleep 0.3 # ESC then a key at once would read as Alt+key
key 3; wait_for 'Authors │' 10
key p; wait_for 'period: day' 10
key p; wait_for 'period: week' 10 14-authors-week
key j j PageDown; wait_for 'lines)' 10

# copy (OSC 52) and export
key c; wait_for 'copied Authors as markdown' 10
key e; wait_for 'exported to' 10 15-exported
ls "$WORK"/export/hubscope-authors-*.md >/dev/null || fail "no exported markdown file"
grep -q '^\*\*hubscope · Authors\*\*' "$WORK"/export/hubscope-authors-*.md || fail "the export is not the authors view"

# the overview's fetch details
key 1; wait_for 'Overview │' 10
key Enter; wait_for 'Fetch and cache details' 10 16-fetch-details
key Escape; wait_for 'Enter: fetch and cache details' 10; sleep 0.3

# quit: exit code 0, and the cache reads whole
key q
for _ in $(seq 1 100); do [ -s "$WORK/exit-code" ] && break; sleep 0.1; done
[ "$(cat "$WORK/exit-code" 2>/dev/null)" = 0 ] || fail "the explorer did not exit 0 on q"
node dist/cli.js status --cache "$WORK/cache" >"$CAPTURES/17-status.txt" || fail "hubscope status could not read the cache"
grep -q 'entries' "$CAPTURES/17-status.txt" || fail "status shows no entries"

echo "explore-tmux: ok — every screen and app key worked; captures in $CAPTURES"
