#!/usr/bin/env bash
# End-to-end check of `hubscope fetch` against ../shared/tools/hub-replay (issue 2, acceptance
# 2-4). A clean fetch must fill the cache with every leaderboard row, model info for every repo
# the replay knows and commit activity for every repo it has a history for (counts computed
# from the snapshot, not hard-coded). Then a faulty replay (latency, 503s, resets, malformed
# bodies, a rate limit) with the fetch killed by SIGKILL twice and restarted: its final cache
# must equal the clean one, timestamps aside, with few 429s. Prints the replay's /__stats.
#
#   test/e2e/fetch-replay.sh          CI budget: rate limit 600 per 10 s (about 4 minutes)
#   E2E_FULL=1 test/e2e/fetch-replay.sh   acceptance 3 as written: 300 per 10 s (about 6 minutes)
#
# The rate limit decides the faulty run's length (about 8,700 requests at most q/w per second),
# so CI uses twice the acceptance quota to stay under 5 minutes; everything else is as written.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPLAY=../shared/tools/hub-replay
DATA=../shared/data/leaderboard-v1-2024
DATASET=open-llm-leaderboard-old/contents
QUOTA=$([ "${E2E_FULL:-0}" = 1 ] && echo 300 || echo 600)
MAX_429=20
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

PY=$(cat <<'PYEOF'
import csv, json, os, sys
TIME_KEYS = {"fetchedAt", "completed", "writtenBy"}
def expected(data):
    with open(os.path.join(data, "leaderboard.csv"), encoding="utf-8", newline="") as f:
        head = f.readline(); f.seek(0)
        rows = list(csv.DictReader(f, delimiter=";" if head.count(";") > head.count(",") else ","))
    repos = {r["fullname"].lower() for r in rows if r.get("fullname")}
    with open(os.path.join(data, "model_info.csv"), encoding="utf-8", newline="") as f:
        known = {r["name"].lower() for r in csv.DictReader(f) if r["author"]}  # the replay drops blanked rows
    with open(os.path.join(data, "commit_activity.csv"), encoding="utf-8", newline="") as f:
        history = {r["name"].lower() for r in csv.DictReader(f)}
    return {"rows": len(rows), "repos": len(repos), "info_ok": len(repos & known), "commits_ok": len(repos & history)}
def load(decoded):  # the cache as dump_cache decoded it
    return json.load(open(decoded, encoding="utf-8"))
def strip(v):
    if isinstance(v, dict): return {k: strip(x) for k, x in v.items() if k not in TIME_KEYS}
    if isinstance(v, list): return [strip(x) for x in v]
    return v
def statuses(items):
    out = {}
    for item in items.values(): out[item["status"]] = out.get(item["status"], 0) + 1
    return out
cmd = sys.argv[1]
if cmd == "expect":
    print(json.dumps(expected(sys.argv[2])))
elif cmd == "check":
    c, exp = load(sys.argv[2]), json.loads(sys.argv[3])
    lb = c["leaderboard.json"]
    rows = {e["key"] for e in lb["entries"]}  # models.json also holds declared bases that are not rows
    of_rows = lambda items: {k: v for k, v in items.items() if k in rows}
    info, commits = statuses(of_rows(c["models.json"]["items"])), statuses(of_rows(c["commits.json"]["items"]))
    got = {"rows": len(lb["entries"]) + len(lb["problems"]), "repos": len({e["key"] for e in lb["entries"]}),
           "info_ok": info.get("ok", 0), "info_gone": info.get("gone", 0), "info_error": info.get("error", 0),
           "commits_ok": commits.get("ok", 0), "commits_gone": commits.get("gone", 0), "commits_error": commits.get("error", 0)}
    want = dict(exp, info_gone=exp["repos"] - exp["info_ok"], commits_gone=exp["repos"] - exp["commits_ok"], info_error=0, commits_error=0)
    for k in want:
        print(f"  {k:14} {got[k]:>6,}  (expected {want[k]:,}){'' if got[k] == want[k] else '  <-- MISMATCH'}")
    sys.exit(0 if all(got[k] == want[k] for k in want) and lb["complete"] else 1)
elif cmd == "count":  # raw file: items is a list or an object in either layout
    try: print(len(json.load(open(os.path.join(sys.argv[2], sys.argv[3]), encoding="utf-8"))["items"]))
    except (OSError, ValueError, KeyError): print(0)
elif cmd == "same":
    a, b = load(sys.argv[2]), load(sys.argv[3])
    same = True
    for n in a:
        eq = strip(a[n]) == strip(b[n]); same &= eq
        print(f"  {n:17} {'identical' if eq else 'DIFFERENT'} (timestamps aside)")
    sys.exit(0 if same else 1)
elif cmd == "stats":
    stats, exp, max429 = json.loads(sys.argv[2]), json.loads(sys.argv[3]), int(sys.argv[4])
    routes = stats["by_route"]; meta = routes.get("model", 0) + routes.get("model_list", 0)
    print(f"  requests {stats['requests']:,}; by route {json.dumps(routes)}")
    print(f"  status {json.dumps(stats['status'])}")
    print(f"  429s {stats['rate_limited']}; injected: 503s {stats['errors']}, resets {stats['resets']}, malformed {stats['malformed']}")
    print(f"  metadata requests {meta:,} for {exp['repos']:,} leaderboard repos = {meta / exp['repos']:.3f} per repo (limit 0.35)")
    sys.exit(0 if stats["rate_limited"] <= max429 else 1)
PYEOF
)
py() { python3 -c "$PY" "$@"; }

# The cache is read through hubscope's own store (its on-disk layout is the store's business):
# a tiny entry point bundled with esbuild prints the decoded documents as JSON.
DUMP_TS="import { CacheStore } from './source/cache/store.js';
const s = await CacheStore.open(process.argv[2]);
process.stdout.write(JSON.stringify({ 'leaderboard.json': s.leaderboard, 'models.json': s.models, 'commits.json': s.commits }));"
dump_cache() { node "$WORK/dump.mjs" "$1" >"$1.decoded.json"; echo "$1.decoded.json"; }

echo "-- building"
npm run build >/dev/null 2>&1 || echo "   (the build reported type errors; using what it emitted)"
[ -f dist/cli.js ] || { echo "FAIL: dist/cli.js was not built"; exit 1; }
echo "$DUMP_TS" | npx esbuild --bundle --platform=node --format=esm --loader=ts --sourcefile=dump.ts \
  --log-level=warning --outfile="$WORK/dump.mjs"

start_replay() { # name, replay options...; sets URL
  local name=$1; shift
  "$REPLAY" --dataset "$DATASET" --ready-file "$WORK/$name.ready" "$@" >/dev/null 2>"$WORK/$name.log" &
  PIDS+=($!)
  for _ in $(seq 1 600); do [ -s "$WORK/$name.ready" ] && break; sleep 0.1; done
  [ -s "$WORK/$name.ready" ] || { echo "FAIL: hub-replay did not start"; cat "$WORK/$name.log"; exit 1; }
  URL=$(head -1 "$WORK/$name.ready")
}
fetch() { # url, cache, extra args... (exec: run it in a subshell, as `( fetch … ) &`, to get its pid)
  local url=$1 cache=$2; shift 2
  HF_ENDPOINT=$url HUBSCOPE_DATASETS_SERVER=$url HF_TOKEN= HF_HOME="$WORK/hf" \
    exec node dist/cli.js fetch --cache "$cache" --dataset "$DATASET" "$@"
}

EXPECTED=$(py expect "$DATA")
echo "-- expected from the snapshot: $EXPECTED"

# the replay's own counters; the faulty replay garbles some answers to this request too
# (its injected faults are not per route), so ask until a whole JSON answer comes
replay_stats() {
  local body
  for _ in $(seq 1 30); do
    body=$(curl -s --max-time 5 "$1/__stats" || true)
    if printf '%s' "$body" | python3 -c 'import json, sys; assert "by_route" in json.loads(sys.stdin.read())' 2>/dev/null; then
      printf '%s' "$body"
      return 0
    fi
    sleep 0.2
  done
  echo "FAIL: no readable /__stats from $1" >&2
  return 1
}

echo "-- clean fetch (acceptance 2)"
start_replay clean; CLEAN_URL=$URL
start=$(date +%s)
( fetch "$CLEAN_URL" "$WORK/clean" ) 2>"$WORK/clean-fetch.log" || { tail -5 "$WORK/clean-fetch.log"; echo "FAIL: clean fetch"; exit 1; }
echo "   done in $(( $(date +%s) - start )) s"
node dist/cli.js status --cache "$WORK/clean" | sed 's/^/   /'
py check "$(dump_cache "$WORK/clean")" "$EXPECTED" || { echo "FAIL: clean cache counts"; exit 1; }
echo "-- clean replay /__stats (acceptance 4)"
STATS=$(replay_stats "$CLEAN_URL") || exit 1
py stats "$STATS" "$EXPECTED" 0 || { echo "FAIL: 429s on a replay without a rate limit"; exit 1; }

echo "-- faulty fetch, killed twice (acceptance 3; rate limit $QUOTA per 10 s)"
start_replay faulty --latency-ms 50 --rate-limit "$QUOTA" --window 10 --error-rate 0.05 \
  --reset-rate 0.02 --malformed-rate 0.02
FAULTY_URL=$URL
start=$(date +%s)
kill_when() { # file, minimum items: start a fetch, SIGKILL it once the file holds that many
  local file=$1 min=$2
  ( fetch "$FAULTY_URL" "$WORK/faulty" ) >>"$WORK/faulty-fetch.log" 2>&1 &
  local pid=$!
  until [ "$(py count "$WORK/faulty" "$file")" -ge "$min" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: the fetch ended before it could be killed"; exit 1; }
    sleep 0.5
  done
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  echo "   killed with SIGKILL at $(py count "$WORK/faulty" models.json) model infos, $(py count "$WORK/faulty" commits.json) commit activities"
}
kill_when models.json 1500
kill_when commits.json 2500
( fetch "$FAULTY_URL" "$WORK/faulty" ) >>"$WORK/faulty-fetch.log" 2>&1 || { tail -5 "$WORK/faulty-fetch.log"; echo "FAIL: faulty fetch"; exit 1; }
echo "   done in $(( $(date +%s) - start )) s (three runs)"
py check "$(dump_cache "$WORK/faulty")" "$EXPECTED" || { echo "FAIL: faulty cache counts"; exit 1; }
py same "$WORK/clean.decoded.json" "$WORK/faulty.decoded.json" || { echo "FAIL: the caches differ"; exit 1; }
echo "-- faulty replay /__stats"
STATS=$(replay_stats "$FAULTY_URL") || exit 1
py stats "$STATS" "$EXPECTED" "$MAX_429" || { echo "FAIL: more than $MAX_429 429s"; exit 1; }
echo "-- e2e fetch-replay passed"
