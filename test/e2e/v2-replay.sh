#!/usr/bin/env bash
# End-to-end check of issue 8, acceptance 2, on a v2 table served by ../shared/tools/hub-replay:
# merges marked only by v2's Base Model suffix " (Merge)" (or a base_model:merge: tag) are out
# of every improvement family, and bases declared under a renamed repository's old id resolve
# through the Hub's 307 (analyses.md §0 "Merge", "Renamed repositories", §4; hub-api.md §1, §11).
#
# The table is test/fixtures/v2-replay (generate.py there lists every row): 23 entries, 22
# repositories (acme/llama3-8b-sft twice: bfloat16 16.00 and float16 15.50; dedup keeps 16.00),
# with Hub infos for 20 of them (rita/Llama-3-8B-slerp and olga/Mistral-7B-Stock-v2 have none).
# The replay runs with --rename meta-llama/Meta-Llama-3.1-8B=meta-llama/Llama-3.1-8B; the CLI
# built from this tree fetches v2 into a temporary cache, and the numbers below are worked out
# by hand from the fixture. A second replay without --rename is the control: the same table
# with the Hub unable to say where the old id went. About 25 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPLAY=../shared/tools/hub-replay
DATA=test/fixtures/v2-replay
V2=open-llm-leaderboard/contents
OLD=meta-llama/Meta-Llama-3.1-8B
NEW=meta-llama/Llama-3.1-8B
WORK=$(mktemp -d)
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

# start_replay NAME [replay options…]: a replay on a free port; wait_replay NAME: its URL, once
# it listens, in $WORK/NAME.url (both replays start at once)
start_replay() {
  local name=$1
  shift
  "$REPLAY" --port 0 --ready-file "$WORK/$name.ready" --data "$DATA" "$@" >/dev/null 2>"$WORK/$name.log" &
  PIDS+=($!)
}
wait_replay() {
  for _ in $(seq 1 600); do [ -s "$WORK/$1.ready" ] && break; sleep 0.1; done
  [ -s "$WORK/$1.ready" ] || { cat "$WORK/$1.log"; fail "hub-replay ($1) did not start"; }
  head -1 "$WORK/$1.ready" >"$WORK/$1.url"
}
# hubscope URL_NAME args…: the built CLI against that replay, no token
hubscope() {
  local url
  url=$(cat "$WORK/$1.url")
  shift
  HF_ENDPOINT=$url HUBSCOPE_DATASETS_SERVER=$url HF_TOKEN= HF_HOME="$WORK/hf" node dist/cli.js "$@"
}
# check LABEL FILES… <<'PY' … PY: runs the Python on stdin over the files (argv[1:]); it prints
# what it found and exits non-zero on a mismatch
check() {
  local label=$1
  shift
  python3 - "$@" || fail "$label"
}

start=$(date +%s)
start_replay renamed --rename "$OLD=$NEW"
start_replay plain
wait_replay renamed
wait_replay plain
CACHE=$WORK/cache
PLAIN=$WORK/plain-cache

echo "-- fetch $V2 (replay with --rename $OLD=$NEW)"
hubscope renamed fetch --cache "$CACHE" --dataset "$V2" 2>"$WORK/fetch.log" || { tail -5 "$WORK/fetch.log"; fail "fetch"; }
grep -E '^(info|commits): done|^fetch done' "$WORK/fetch.log" | sed 's/^/   /'
# info: the 22 rows, then the declared bases that are not rows, one request each: OLD (307 to
# NEW: ok) and gone/ghost-7b (the replay knows nothing of it: gone); rita and olga are gone too
grep -q '^info: done, 24 items (ok 21, gone 3, errors 0)' "$WORK/fetch.log" || fail "info stage: not 24 items, 21 ok and 3 gone"
python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1] + "/__stats").read().decode())' "$(cat "$WORK/renamed.url")" >"$WORK/stats.json"

echo "-- control: the same table from a replay without --rename"
hubscope plain fetch --cache "$PLAIN" --dataset "$V2" 2>"$WORK/plain.log" || { tail -5 "$WORK/plain.log"; fail "control fetch"; }
grep -q '^info: done, 24 items (ok 20, gone 4, errors 0)' "$WORK/plain.log" || fail "control info stage: not 20 ok and 4 gone"
echo "   info: 24 items, ok 20, gone 4 (the old id is unknown to this replay)"

# ---------------------------------------------------------------------------------------------
echo "-- (a) merges by the §0 rule: the leaderboard hides them"
# Merges (§0 "Merge"), and what marks each in the fixture:
#   dave/Llama-3-8B-Stock      Base Model "dave/Llama-3-8B-Stock (Merge)" (names itself); type chat,
#                              Merged False, no "merge" in its name or tags
#   frank/llama3-8b-ties       Hub tags base_model:merge:meta-llama/Meta-Llama-3-8B, …:acme/llama3-8b-sft
#   rita/Llama-3-8B-slerp      Base Model "acme/llama3-8b-sft (Merge)"; type chat; no Hub info
#   olga/Mistral-7B-Stock-v2   type merge, Merged True, Base Model "mistralai/Mistral-7B-v0.1 (Merge)"
# So 22 − 4 = 18 rows with merges hidden (erin/Llama-3-8B-Stock-sft descends from dave's merge
# but is no merge itself: it stays on the leaderboard, and out of the families below).
hubscope renamed print leaderboard --cache "$CACHE" --format json >"$WORK/board.json"
hubscope renamed print leaderboard --cache "$CACHE" --format json --show-merges >"$WORK/board-all.json"
check "leaderboard merges" "$WORK/board.json" "$WORK/board-all.json" <<'PY'
import json, sys
hidden, shown = (json.load(open(p))["data"] for p in sys.argv[1:3])
merges = sorted(r["repo"] for r in shown["rows"] if r["merge"])
print(f"   merges hidden: {hidden['shown']} rows shown; with --show-merges {shown['shown']}, merges: {', '.join(merges)}")
want = ["dave/Llama-3-8B-Stock", "frank/llama3-8b-ties", "olga/Mistral-7B-Stock-v2", "rita/Llama-3-8B-slerp"]
ok = hidden["shown"] == 18 and shown["shown"] == 22 and merges == want
ok = ok and not any(r["merge"] for r in hidden["rows"])
sys.exit(0 if ok else 1)
PY

echo "-- (a) print types: the Type column (§0 \"Type\"), which the (Merge) suffix does not change"
# Types per the leaderboard's Type column, 22 models: pretrained 6 (Meta-Llama-3-8B, Llama-3.1-8B,
# Mistral-7B-v0.1, Qwen2-7B, phi-2, gemma-2-9b), fine-tuned 10, chat 5 (dave and rita among them:
# merges by their suffix, chat by their type), merge 1 (olga). The §0 merges are 4 (above).
hubscope renamed print types --cache "$CACHE" --format json >"$WORK/types.json"
check "types" "$WORK/types.json" <<'PY'
import json, sys
overall = {t["type"]: t["count"] for t in json.load(open(sys.argv[1]))["data"]["overall"]}
print("   types:", ", ".join(f"{t} {n}" for t, n in overall.items()))
sys.exit(0 if overall == {"pretrained": 6, "fine-tuned": 10, "chat": 5, "merge": 1} else 1)
PY

echo "-- (a) merges are out of every improvement family (lineage, the default with Hub info; and pattern)"
# Llama 3 8B (release 2024-04-17, base 13.40). Candidates by lineage (declared base chain reaches
# Meta-Llama-3-8B) and by pattern (llama3, 7.5–8.5 B, no 3.1): acme 16.00 (05-01, day 14), frank
# 19.00 (day 18), dave 21.00 (day 23), rita 18.50 (day 25), erin 20.00 (day 28), gina 15.00 (day 33).
# Merges dave, frank, rita out (3), erin out as a merge descendant (1): members base, acme, gina;
# records 13.40 → 16.00 at day 14: total +2.60, holder acme/llama3-8b-sft. Without the merge rule
# dave (a chat model by type) would hold the record: 21.00 − 13.40 = +7.60 at day 23.
# Mistral 7B (2023-09-20, 14.50): hal 15.20 (day 11), eve 17.50 (day 25), olga merge out (1):
# total +3.00, holder eve. Phi-2: jack 16.00 at day 38, +0.53. No other preset has a model.
# Pattern mode also leaves out the 5 Llama 3.1 names from Llama 3 8B (a later release).
hubscope renamed print improvement --cache "$CACHE" --format json >"$WORK/imp-lineage.json"
hubscope renamed print improvement --cache "$CACHE" --format json --mode pattern >"$WORK/imp-pattern.json"
check "improvement families" "$WORK/imp-lineage.json" "$WORK/imp-pattern.json" <<'PY'
import json, sys
MERGES = {"dave/Llama-3-8B-Stock", "frank/llama3-8b-ties", "rita/Llama-3-8B-slerp", "olga/Mistral-7B-Stock-v2"}
DESCENDANT = "erin/Llama-3-8B-Stock-sft"
ok = True
for path in sys.argv[1:]:
    data = json.load(open(path))["data"]
    fam = {f["id"]: f for f in data["result"]["families"]}
    members = {m["repo"] for f in fam.values() for m in f["members"]}
    notes = lambda f: {n["text"]: n["count"] for n in f["notes"]}
    l3, mi, phi = fam["llama3-8b"], fam["mistral-7b"], fam["phi-2"]
    print(f"   {data['mode']}: {len(fam)} families, {len(members)} members in all, none a merge: {not (members & MERGES)}, "
          f"{DESCENDANT} in none: {DESCENDANT not in members}")
    for f in (l3, mi, phi):
        n = notes(f)
        print(f"     {f['label']}: {[m['repo'] for m in f['members']]}, holder {f['holder']['repo']} {f['holder']['score']:.2f}, "
              f"total +{f['total']:.2f}; merges left out {n.get('merges left out of the family', 0)}, "
              f"descendants of merges {n.get('descendants of merges left out of the family', 0)}")
    ok = ok and not (members & MERGES) and DESCENDANT not in members
    ok = ok and [m["repo"] for m in l3["members"]] == ["meta-llama/Meta-Llama-3-8B", "acme/llama3-8b-sft", "gina/llama3-8b-chinese"]
    ok = ok and l3["holder"]["repo"] == "acme/llama3-8b-sft" and round(l3["total"], 2) == 2.60 and l3["holder"]["day"] == 14
    ok = ok and notes(l3).get("merges left out of the family") == 3 and notes(l3).get("descendants of merges left out of the family") == 1
    ok = ok and [m["repo"] for m in mi["members"]] == ["mistralai/Mistral-7B-v0.1", "hal/mistral-7b-lora", "eve/mistral-7b-orca"]
    ok = ok and mi["holder"]["repo"] == "eve/mistral-7b-orca" and round(mi["total"], 2) == 3.00 and notes(mi).get("merges left out of the family") == 1
    ok = ok and [m["repo"] for m in phi["members"]] == ["microsoft/phi-2", "jack/phi-2-sft"] and round(phi["total"], 2) == 0.53
    ok = ok and sorted(k for k, f in fam.items() if f["members"]) == ["llama3-8b", "mistral-7b", "phi-2"]
    if data["mode"] == "pattern":
        ok = ok and notes(l3).get("name matches of a later release left out (e.g. Llama 3.1, 3.2, 3.3)") == 5
sys.exit(0 if ok else 1)
PY
# The counterfactual: the same table with dave's cell stripped of " (Merge)", imported (no Hub
# info, so frank's merge tags are gone too; pattern mode). Llama 3 8B then walks base 13.40, acme
# 16.00 (day 14), frank 19.00 (day 18), dave 21.00 (day 23), erin 20.00, gina 15.00 (rita, still
# a (Merge) cell, left out): dave holds the record, +7.60.
sed 's#,dave/Llama-3-8B-Stock (Merge)$#,dave/Llama-3-8B-Stock#' "$DATA/leaderboard.csv" >"$WORK/no-suffix.csv"
node dist/cli.js import "$WORK/no-suffix.csv" --cache "$WORK/no-suffix-cache" --dataset local/no-suffix 2>/dev/null >/dev/null || fail "import of the counterfactual table"
node dist/cli.js print improvement --cache "$WORK/no-suffix-cache" --format json --mode pattern --families llama3-8b >"$WORK/imp-no-suffix.json"
check "the counterfactual" "$WORK/imp-no-suffix.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["data"]["result"]["families"][0]
print(f"   without dave's suffix: Llama 3 8B holder {f['holder']['repo']} {f['holder']['score']:.2f} at day {f['holder']['day']}, "
      f"total +{f['total']:.2f}, {f['size']} models")
sys.exit(0 if f["holder"]["repo"] == "dave/Llama-3-8B-Stock" and round(f["total"], 2) == 7.60 and f["size"] == 6 else 1)
PY

# ---------------------------------------------------------------------------------------------
echo "-- (b) $OLD resolves through the 307 to the $NEW row"
# The Hub info stage asked for $OLD once (a declared base, not a row): the replay answered 307,
# the fetch followed it and stored the info under the old key with the new id — the alias.
check "alias in the cache" "$CACHE/models.json" "$WORK/stats.json" <<'PY'
import json, sys
models, stats = (json.load(open(p)) for p in sys.argv[1:3])
item = next((r for r in models["items"] if r[0] == "meta-llama/meta-llama-3.1-8b"), None)
status, stored_id = (item[1], item[4][0]) if item and item[4] else (None, None)
print(f"   replay answered 307 {stats['status'].get('307', 0)} time(s); models.json: meta-llama/meta-llama-3.1-8b {status}, id {stored_id}")
sys.exit(0 if stats["status"].get("307") == 1 and status == "ok" and stored_id == "meta-llama/Llama-3.1-8B" else 1)
PY
# The family of the old id. Declaring $OLD in their Hub info: Llama-3.1-8B-Instruct (and its
# cell), acme/Meta-Llama-3.1-8B-tuned, bob/Llama-3.1-8B-dpo (Hub info only: its cell names
# itself); carol/llama3.1-8b-instruct-ft declares the Instruct model. Through the alias the base is
# the $NEW row, 14.42, released 2024-07-14: Instruct 23.76 (07-18, day 4, +9.34), acme 16.10
# (day 11), bob 25.00 (day 18, +10.58), carol 24.50 (day 27). Total +10.58, holder bob, 5 models.
# Normalised: day 4 has n = 2 models → 9.34 / ln 3 = 8.50; day 18 n = 4 → 10.58 / ln 5 = 6.57:
# the peak is day 4; 90 % of 10.58 = 9.52 is first reached on day 18.
# The control (no rename known): the base is not on the leaderboard, so the family is scored
# against its first derivative, Llama-3.1-8B-Instruct 23.76 (day 0 = 07-18): 4 models, bob +1.24.
for base in "$OLD" "$NEW"; do
  hubscope renamed print improvement --cache "$CACHE" --format json --families "$base" >"$WORK/imp-$(basename "$base").json"
done
hubscope plain print improvement --cache "$PLAIN" --format json --families "$OLD" >"$WORK/imp-control.json"
check "the Llama 3.1 8B family" "$WORK/imp-Meta-Llama-3.1-8B.json" "$WORK/imp-Llama-3.1-8B.json" "$WORK/imp-control.json" <<'PY'
import json, sys
old, new, control = (json.load(open(p))["data"]["result"]["families"][0] for p in sys.argv[1:4])
def line(name, f):
    r = f["reference"]
    print(f"   {name}: reference {r['repo']} {r['score']:.2f} ({'the base' if r['fromBase'] else 'first derivative'}), "
          f"{f['size']} models, records " + ", ".join(f"day {p['day']} {p['improvement']:+.2f}" for p in f["records"]) +
          f"; total {f['total']:+.2f}, holder {f['holder']['repo']}" +
          (f", peak day {f['peak']['day']} ({f['peak']['normalised']:.2f}), 90 % on day {f['daysToExhaust']}" if f["peak"] else ""))
line("--families meta-llama/Meta-Llama-3.1-8B", old)
line("--families meta-llama/Llama-3.1-8B     ", new)
line("control, no rename known              ", control)
members = ["meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.1-8B-Instruct", "acme/Meta-Llama-3.1-8B-tuned", "bob/Llama-3.1-8B-dpo", "carol/llama3.1-8b-instruct-ft"]
ok = True
for f in (old, new):
    ok = ok and f["reference"] == {"repo": "meta-llama/Llama-3.1-8B", "score": 14.42, "date": "2024-07-14", "fromBase": True}
    ok = ok and [m["repo"] for m in f["members"]] == members and [m["day"] for m in f["members"]] == [0, 4, 11, 18, 27]
    ok = ok and [(p["day"], round(p["improvement"], 2)) for p in f["records"]] == [(0, 0), (4, 9.34), (18, 10.58)]
    ok = ok and f["holder"]["repo"] == "bob/Llama-3.1-8B-dpo" and f["peak"]["day"] == 4 and round(f["peak"]["normalised"], 2) == 8.50
    ok = ok and f["daysToExhaust"] == 18
ok = ok and control["reference"]["repo"] == "meta-llama/Llama-3.1-8B-Instruct" and control["reference"]["score"] == 23.76
ok = ok and not control["reference"]["fromBase"] and control["size"] == 4 and round(control["total"], 2) == 1.24
sys.exit(0 if ok else 1)
PY
# The base-model figures say how many links went through the rename (Instruct, acme, bob: 3).
hubscope renamed print base-models --cache "$CACHE" --width 200 >"$WORK/bases.txt"
grep -F '· 3 declared base links resolved through a renamed repository to its new id' "$WORK/bases.txt" | sed 's/^/   /' \
  || fail "base-models does not say that 3 links resolved through the rename"

# ---------------------------------------------------------------------------------------------
echo "-- (c) a declared base that is neither a row nor known to the Hub"
# zed/ghost-7b-sft declares gone/ghost-7b (its cell and its Hub info); the replay has no info for
# gone/ghost-7b (401 without a token: recorded gone), and the leaderboard has no row for it. The
# text is source/views/lineage-view.ts ownScoreText's.
UNRESOLVED='declared base not on the leaderboard (no Hub info: a rename cannot be told)'
own_score() { sed -n 's/^own score  *//p' "$1"; }
hubscope renamed print lineage --cache "$CACHE" --base gone/ghost-7b --width 200 >"$WORK/ghost.txt"
grep -E '^(Lineage of|own score| *└─)' "$WORK/ghost.txt" | sed 's/ \{3,\}/  /g; s/^/   /'
[ "$(own_score "$WORK/ghost.txt")" = "$UNRESOLVED" ] || fail "lineage of gone/ghost-7b does not say \"$UNRESOLVED\""
grep -Eq '└─ zed/ghost-7b-sft .*finetune' "$WORK/ghost.txt" || { cat "$WORK/ghost.txt"; fail "zed/ghost-7b-sft is not drawn under gone/ghost-7b"; }
grep -F '· 1 declared bases not on the leaderboard, without Hub info' "$WORK/bases.txt" | sed 's/^/   /' \
  || fail "base-models does not count 1 unresolved declared base"
# The control: there the old id is such a base too (no rename known, no Hub info for it); with the
# rename it is the $NEW row (its own score 14.42).
hubscope plain print lineage --cache "$PLAIN" --base "$OLD" --width 200 >"$WORK/old-control.txt"
[ "$(own_score "$WORK/old-control.txt")" = "$UNRESOLVED" ] || fail "control: lineage of $OLD does not say \"$UNRESOLVED\""
hubscope renamed print lineage --cache "$CACHE" --base "$OLD" --width 200 >"$WORK/old.txt"
grep -E '^own score' "$WORK/old-control.txt" | sed 's/ \{3,\}/  /g; s/^/   control, lineage of the old id: /'
grep -E '^(Lineage of|own score)' "$WORK/old.txt" | sed 's/ \{3,\}/  /g; s/^/   with the rename: /'
[ "$(own_score "$WORK/old.txt")" = "14.42" ] || fail "with the rename, lineage of $OLD does not show the row's 14.42"

# ---------------------------------------------------------------------------------------------
echo "-- (d) print overview names v2"
hubscope renamed print overview --cache "$CACHE" --width 100 >"$WORK/overview.txt"
sed -n '1,2p' "$WORK/overview.txt" | sed 's/^/   /'
sed -n 2p "$WORK/overview.txt" | grep -q "^data: $V2 (v2) · " || fail "the overview's header does not name v2"
grep -Eq "^source +$V2 \(dataset viewer\), v2\$" "$WORK/overview.txt" || fail "the overview's source line does not say v2"

echo "-- e2e v2-replay passed in $(( $(date +%s) - start )) s"
