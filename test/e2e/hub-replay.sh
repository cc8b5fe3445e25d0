#!/usr/bin/env bash
# End-to-end check of the Hub snapshot (issue 10; hub-api.md §12) against
# ../shared/tools/hub-replay: a small synthetic models.parquet (bench/synth-hub-stats.mjs, real
# rows of the v1 snapshot among them) served as cfahlgren1/hub-stats, fetched into a temp cache
# with column projection, then `status` and `print overview --format markdown`. The figures are
# checked against a plain DuckDB SQL query over the raw file (rows, the relation mix over all
# models, the in-scope count of the json), never hard-coded; the bytes downloaded must stay under
# 40 % of the file. Then the explorer on it in tmux (offline): Base models, Enter on the first
# root, its Lineage, q. About 45 s.
#
#   test/e2e/hub-replay.sh            E2E_HUB_ROWS=80000 by default
set -euo pipefail
cd "$(dirname "$0")/../.."
REPLAY=../shared/tools/hub-replay
ROWS=${E2E_HUB_ROWS:-80000}
DATASET=cfahlgren1/hub-stats
WORK=$(mktemp -d)
PIDS=()
SESSION="hubscope-hub-$$"
cleanup() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "hub-replay e2e: FAIL: $*" >&2; exit 1; }

npm run build >/dev/null 2>&1 || echo "   (the build reported errors; using what it emitted)"
[ -f dist/cli.js ] || fail "dist/cli.js was not built"

echo "-- synthetic snapshot: $ROWS rows"
node bench/synth-hub-stats.mjs --rows "$ROWS" --out "$WORK/models.parquet" --real-out "$WORK/real.parquet" >"$WORK/synth.log" 2>&1 || { cat "$WORK/synth.log"; fail "the generator"; }
tail -1 "$WORK/synth.log"

"$REPLAY" --port 0 --ready-file "$WORK/ready" --file "$DATASET:models.parquet=$WORK/models.parquet" >"$WORK/replay.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do [ -s "$WORK/ready" ] && break; sleep 0.1; done
[ -s "$WORK/ready" ] || { cat "$WORK/replay.log"; fail "the replay did not start"; }
URL=$(cat "$WORK/ready")
hubscope() { HF_ENDPOINT=$URL HUBSCOPE_DATASETS_SERVER=$URL HF_TOKEN= HF_HOME="$WORK/hf" node dist/cli.js "$@"; }
CACHE="$WORK/cache"

echo "-- fetch"
START=$(date +%s.%N)
hubscope fetch --cache "$CACHE" --dataset "$DATASET" 2>"$WORK/fetch.log" || { tail -5 "$WORK/fetch.log"; fail "fetch"; }
echo "   $(grep "^snapshot: done" "$WORK/fetch.log") ($(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $START }") s wall)"
grep -q "^snapshot download .* MB  rows [0-9,]*/[0-9,]*" "$WORK/fetch.log" || fail "no progress line with bytes and rows"

echo "-- status"
hubscope status --cache "$CACHE" >"$WORK/status.txt" || fail "status"
sed -n 1,12p "$WORK/status.txt" | sed 's/^/   /'
hubscope status --cache "$CACHE" --format json >"$WORK/status.json" || fail "status json"

echo "-- print overview --format markdown"
hubscope print overview --cache "$CACHE" --dataset "$DATASET" --format markdown >"$WORK/overview.md" || fail "print overview"
hubscope print overview --cache "$CACHE" --dataset "$DATASET" --scope all --format json >"$WORK/all.json" || fail "print overview --scope all"
hubscope print overview --cache "$CACHE" --dataset "$DATASET" --format json >"$WORK/llm.json" || fail "print overview json"
sed -n 1,20p "$WORK/overview.md" | sed 's/^/   /'

# the figures, against a plain SQL query over the raw file (case-insensitive duplicate ids count
# once, as the ingest keeps one of them)
node --input-type=module - "$WORK" <<'JSEOF' || fail "the figures differ"
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
const work = process.argv[2];
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const q = async (sql) => (await c.runAndReadAll(sql)).getRowObjectsJson();
const f = `'${work}/models.parquet'`;
const [{ n }] = await q(`SELECT count(DISTINCT lower(id)) AS n FROM read_parquet(${f})`);
const rel = await q(`SELECT coalesce(relation, 'original') AS relation, count(*) AS n FROM (
    SELECT lower(id) AS k, arg_max(baseModels.relation, coalesce(downloads, -1)) AS relation FROM read_parquet(${f}) GROUP BY k) GROUP BY 1`);
const status = JSON.parse(readFileSync(`${work}/status.json`, 'utf8'));
const all = JSON.parse(readFileSync(`${work}/all.json`, 'utf8'));
const llm = JSON.parse(readFileSync(`${work}/llm.json`, 'utf8'));
const md = readFileSync(`${work}/overview.md`, 'utf8');
const problems = [];
const check = (what, got, want) => { if (String(got) !== String(want)) problems.push(`${what}: hubscope ${got}, SQL ${want}`); };
const rows = Number(n);
check('rows (status)', status.datasets.find((d) => d.id === 'cfahlgren1/hub-stats').rows, rows);
check('rows (overview)', all.data.counts.rows, rows);
check('in scope of all models', all.data.counts.inScope, rows);
for (const r of rel) check(`relation ${r.relation}`, all.data.relations.find((x) => x.name === r.relation)?.n ?? 0, r.n);
if (!md.includes(`| models in the snapshot | ${rows.toLocaleString('en-US')} |`)) problems.push('the markdown does not show the rows');
if (!md.includes(`| in scope | ${llm.data.counts.inScope.toLocaleString('en-US')} (`)) problems.push('the markdown does not show the in-scope count');
if (!(llm.data.counts.inScope > 0 && llm.data.counts.inScope < rows)) problems.push(`language models ${llm.data.counts.inScope} of ${rows}`);
for (const h of ['What gets built: relation mix', 'Top 10 roots by descendants', 'New derivatives per year by root organisation']) if (!md.includes(h)) problems.push(`no "${h}" in the markdown`);
const m = status.manifest;
const share = m.bytesDownloaded / m.size;
if (!(share > 0 && share <= 0.4)) problems.push(`downloaded ${m.bytesDownloaded} of ${m.size} bytes (${(share * 100).toFixed(1)} %): over 40 %`);
if (!md.split('\n')[0].includes(`rev ${m.sha.slice(0, 12)}`)) problems.push('the markdown header does not name the sha');
if (problems.length > 0) { console.error(problems.join('\n')); process.exit(1); }
console.log(`   figures equal to the SQL query: ${rows} rows, ${rel.length} relations; downloaded ${(share * 100).toFixed(1)} % of the file`);
JSEOF

# the explorer on the store (offline): Base models → the first root → Enter → its Lineage; q
if command -v tmux >/dev/null; then
  echo "-- explorer (tmux)"
  tmux new-session -d -s "$SESSION" -x 120 -y 40 "CI=true HF_HUB_OFFLINE=1 HF_HOME=$WORK/hf node dist/cli.js --dataset $DATASET --cache $CACHE; echo \$? > $WORK/explore-exit; sleep 60"
  screen_shows() {
    for _ in $(seq 150); do
      tmux capture-pane -p -t "$SESSION" >"$WORK/screen.txt"
      grep -q -- "$1" "$WORK/screen.txt" && return 0
      sleep 0.1
    done
    cat "$WORK/screen.txt"; fail "the explorer never showed: $1"
  }
  screen_shows "models in the snapshot"
  head -1 "$WORK/screen.txt" | grep -q "9 Lineage" || fail "the tab bar has no Lineage screen"
  tmux send-keys -t "$SESSION" 5
  screen_shows "Root 1 of"
  ROOT=$(grep -o "Root 1 of [0-9]*: [^ ]*" "$WORK/screen.txt" | awk '{print $5}')
  tmux send-keys -t "$SESSION" Enter
  screen_shows "Tree down:"
  grep -q "^$ROOT — b or / draws another model" "$WORK/screen.txt" || { cat "$WORK/screen.txt"; fail "Lineage does not draw $ROOT"; }
  echo "   Base models → Enter → Lineage of $ROOT: $(grep -o 'Tree down: [0-9,]* descendants' "$WORK/screen.txt")"
  tmux send-keys -t "$SESSION" q
  for _ in $(seq 50); do [ -s "$WORK/explore-exit" ] && break; sleep 0.1; done
  [ "$(cat "$WORK/explore-exit" 2>/dev/null)" = 0 ] || fail "the explorer did not quit cleanly on q"
fi
echo "hub-replay e2e: OK"
