import { describe, expect, it } from 'vitest';
import {
  detectInvertedFlags,
  normaliseRows,
  parseBaseModelCell,
  parseBool,
  parseDay,
  parseNumber,
  type RawRow,
} from '../../source/data/normalise-row.js';
import { DataError } from '../../source/data/errors.js';

const AVG = 'Average \u2B06\uFE0F';
const AVG_BARE = 'Average \u2B06';
const V1 = ['fullname', 'Model', AVG, 'ARC', 'HellaSwag', 'MMLU', 'TruthfulQA', 'Winogrande', 'GSM8K', 'Type', 'Architecture', '#Params (B)', 'Hub License', 'Hub \u2764\uFE0F', 'Flagged', 'Merged', 'MoE', 'date'];
const V2 = ['eval_name', 'fullname', AVG, 'IFEval', 'BBH', 'MATH Lvl 5', 'GPQA', 'MUSR', 'MMLU-PRO', 'Type', 'Architecture', '#Params (B)', 'Flagged', 'Merged', 'MoE', 'Upload To Hub Date', 'Submission Date', 'Generation', 'Base Model'];

const v1Row = (over: RawRow = {}): RawRow => ({
  fullname: 'acme/Model-7B',
  Model: 'https://huggingface.co/acme/Model-7B',
  [AVG]: '61.5',
  ARC: '60.0',
  HellaSwag: '82.25',
  MMLU: '63.0',
  TruthfulQA: '45.5',
  Winogrande: '77.0',
  GSM8K: '41.25',
  Type: '🔶 fine-tuned on domain-specific datasets',
  Architecture: 'MistralForCausalLM',
  '#Params (B)': '7.24',
  'Hub License': 'apache-2.0',
  'Hub \u2764\uFE0F': '12.0',
  Flagged: 'False',
  Merged: 'False',
  MoE: 'False',
  date: '2024-01-15',
  ...over,
});

const v2Row = (over: RawRow = {}): RawRow => ({
  eval_name: 'acme_Model-8B_bfloat16',
  fullname: 'acme/Model-8B',
  [AVG]: 25.5,
  IFEval: 50,
  BBH: 30,
  'MATH Lvl 5': 10,
  GPQA: 5,
  MUSR: 8,
  'MMLU-PRO': 30,
  Type: '💬 chat models (RLHF, DPO, IFT, ...)',
  Architecture: 'LlamaForCausalLM',
  '#Params (B)': 8.03,
  Flagged: false,
  Merged: false,
  MoE: false,
  'Upload To Hub Date': '2024-05-20',
  'Submission Date': '2024-06-12',
  Generation: 1,
  'Base Model': 'meta-llama/Meta-Llama-3-8B',
  ...over,
});

describe('parseNumber', () => {
  it('reads numbers, numeric text, bigint', () => {
    expect(parseNumber(7.5)).toBe(7.5);
    expect(parseNumber(' 12.0 ')).toBe(12);
    expect(parseNumber(-1)).toBe(-1);
    expect(parseNumber(15n)).toBe(15);
  });
  it('gives null for missing, None, NaN, empty and non-numbers', () => {
    for (const value of [null, undefined, '', '  ', 'None', 'nan', 'NaN', 'null', 'n/a', 'abc', Number.NaN, Number.POSITIVE_INFINITY, true]) {
      expect(parseNumber(value)).toBeNull();
    }
  });
});

describe('parseBool', () => {
  it('reads booleans, 0/1 and the usual words', () => {
    expect(parseBool(true)).toBe(true);
    expect(parseBool('True')).toBe(true);
    expect(parseBool(' yes ')).toBe(true);
    expect(parseBool(1)).toBe(true);
    expect(parseBool('False')).toBe(false);
    expect(parseBool('0')).toBe(false);
    expect(parseBool(0)).toBe(false);
  });
  it('gives null when it cannot tell', () => {
    expect(parseBool(null)).toBeNull();
    expect(parseBool('None')).toBeNull();
    expect(parseBool('maybe')).toBeNull();
  });
});

describe('parseDay', () => {
  it('keeps the day of a date or a timestamp', () => {
    expect(parseDay('2024-05-11')).toBe('2024-05-11');
    expect(parseDay('2024-05-11T23:59:00Z')).toBe('2024-05-11');
    expect(parseDay(' 2024-05-11 ')).toBe('2024-05-11');
  });
  it('refuses what is not a calendar day', () => {
    expect(parseDay('2024-13-01')).toBeNull();
    expect(parseDay('2024-02-30')).toBeNull();
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('11/05/2024')).toBeNull();
    expect(parseDay(null)).toBeNull();
    expect(parseDay('')).toBeNull();
  });
  it('accepts a leap day', () => {
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
  });
});

describe('parseBaseModelCell', () => {
  it('reads a plain id with no relation', () => {
    expect(parseBaseModelCell('meta-llama/Meta-Llama-3-8B', 'acme/x')).toEqual({ id: 'meta-llama/Meta-Llama-3-8B', relation: null, removed: false });
  });
  it('strips a suffix and reads its relation', () => {
    expect(parseBaseModelCell('Aashraf995/Gemma-Evo-10B (Merge)', 'acme/x')).toEqual({ id: 'Aashraf995/Gemma-Evo-10B', relation: 'merge', removed: false });
    expect(parseBaseModelCell('a/b (Adapter)', 'acme/x')).toEqual({ id: 'a/b', relation: 'adapter', removed: false });
    expect(parseBaseModelCell('a/b (finetune)', 'acme/x')).toEqual({ id: 'a/b', relation: 'finetune', removed: false });
    expect(parseBaseModelCell('a/b (Quantized)', 'acme/x')).toEqual({ id: 'a/b', relation: 'quantized', removed: false });
    expect(parseBaseModelCell('a/b (Whatever)', 'acme/x')).toEqual({ id: 'a/b', relation: 'unknown', removed: false });
  });
  it('gives no base when the cell names the model itself, in any case', () => {
    expect(parseBaseModelCell('Acme/X', 'acme/x')).toEqual({ id: null, relation: null, removed: false });
    // v2 marks merges with the suffix also when the cell names the model itself: the relation stays
    expect(parseBaseModelCell('acme/x (Merge)', 'acme/x')).toEqual({ id: null, relation: 'merge', removed: false });
    expect(parseBaseModelCell('Acme/X (Merge)', 'acme/x')).toEqual({ id: null, relation: 'merge', removed: false });
  });
  it('reads Removed', () => {
    expect(parseBaseModelCell('Removed', 'acme/x')).toEqual({ id: null, relation: null, removed: true });
  });
  it('ignores empty cells and text that is not an id', () => {
    expect(parseBaseModelCell('', 'acme/x')).toEqual({ id: null, relation: null, removed: false });
    expect(parseBaseModelCell(null, 'acme/x')).toEqual({ id: null, relation: null, removed: false });
    expect(parseBaseModelCell('see the model card', 'acme/x')).toEqual({ id: null, relation: null, removed: false });
  });
});

describe('normaliseRows v1', () => {
  it('detects v1 and reads every field', () => {
    const result = normaliseRows([v1Row()], V1);
    expect(result.generation).toBe('v1');
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual([
      {
        index: 0,
        repo: 'acme/Model-7B',
        key: 'acme/model-7b',
        evalName: null,
        precision: null,
        type: 'fine-tuned',
        typeRaw: '🔶 fine-tuned on domain-specific datasets',
        weightType: null,
        architecture: 'MistralForCausalLM',
        family: 'Mistral',
        score: 61.5,
        benchmarks: { ARC: 60, HellaSwag: 82.25, MMLU: 63, TruthfulQA: 45.5, Winogrande: 77, GSM8K: 41.25 },
        params: 7.24,
        license: 'apache-2.0',
        likes: 12,
        available: null,
        flagged: false,
        merged: false,
        moe: false,
        sha: null,
        baseModel: null,
        baseModelRelation: null,
        baseModelRemoved: false,
        generationDepth: null,
        uploadDate: null,
        submissionDate: '2024-01-15',
      },
    ]);
  });
  it('finds "Average ⬆️" with and without U+FE0F', () => {
    const bare = V1.map((n) => (n === AVG ? AVG_BARE : n));
    const row = v1Row();
    row[AVG_BARE] = row[AVG];
    delete row[AVG];
    expect(normaliseRows([row], bare).entries[0]!.score).toBe(61.5);
  });
  it('falls back to the Model link when fullname is missing', () => {
    const names = V1.filter((n) => n !== 'fullname');
    const row = v1Row({ Model: '"https://huggingface.co/acme/From-Link"' });
    delete row.fullname;
    expect(normaliseRows([row], names).entries[0]!.repo).toBe('acme/From-Link');
    const plain = v1Row({ Model: 'acme/Plain-Id' });
    delete plain.fullname;
    expect(normaliseRows([plain], names).entries[0]!.repo).toBe('acme/Plain-Id');
  });
  it('reads params 0, negative and missing as unknown', () => {
    const rows = [v1Row({ '#Params (B)': '0.0' }), v1Row({ '#Params (B)': -1 }), v1Row({ '#Params (B)': 'None' }), v1Row({ '#Params (B)': undefined })];
    expect(normaliseRows(rows, V1).entries.map((e) => e.params)).toEqual([null, null, null, null]);
  });
  it('strips the type emoji and maps every type, unknown included', () => {
    const types = [
      '🟢 pretrained',
      '🟩 continuously pretrained',
      '🔶 fine-tuned on domain-specific datasets',
      '💬 chat models (RLHF, DPO, IFT, ...)',
      '🤝 base merges and moerges',
      '',
      '❓ something new',
    ];
    const result = normaliseRows(types.map((Type) => v1Row({ Type })), V1);
    expect(result.entries.map((e) => e.type)).toEqual(['pretrained', 'continuously pretrained', 'fine-tuned', 'chat', 'merge', 'unknown', 'unknown']);
    expect(result.entries.map((e) => e.typeRaw)).toEqual([...types.slice(0, 5), null, '❓ something new']);
  });
  it('reads inverted flags when told, and only the listed ones', () => {
    const row = v1Row({ Flagged: 'True', Merged: 'True', MoE: 'False' });
    expect(normaliseRows([row], V1, { invert: ['Flagged', 'Merged', 'MoE'] }).entries[0]).toMatchObject({ flagged: false, merged: false, moe: true });
    expect(normaliseRows([row], V1, { invert: ['MoE'] }).entries[0]).toMatchObject({ flagged: true, merged: true, moe: true });
    // an unreadable flag stays false either way
    expect(normaliseRows([v1Row({ MoE: 'None' })], V1, { invert: ['MoE'] }).entries[0]!.moe).toBe(false);
  });
  it('reports odd ids in problems with their source index, and keeps the rest', () => {
    const rows = [v1Row(), v1Row({ fullname: 'not a repo', Model: 'nothing here' }), v1Row({ fullname: null, Model: null }), v1Row({ fullname: 'x/../y' })];
    const result = normaliseRows(rows, V1, { startIndex: 100 });
    expect(result.entries.map((e) => e.index)).toEqual([100]);
    expect(result.problems).toEqual([
      { index: 101, reason: '"not a repo" is not a Hub repository id' },
      { index: 102, reason: 'no repository id (fullname or Model)' },
      { index: 103, reason: '"x/../y" is not a Hub repository id' },
    ]);
  });
  it('strips control sequences from ids and licences', () => {
    const row = v1Row({
      fullname: 'acme/\u001b[31mRed\u001b[0m-7B',
      'Hub License': '\u001b]8;;https://e.vil\u0007mit\u001b]8;;\u0007',
    });
    const entry = normaliseRows([row], V1).entries[0]!;
    expect(entry.repo).toBe('acme/Red-7B');
    expect(entry.key).toBe('acme/red-7b');
    expect(entry.license).toBe('mit');
  });
  it('rounds likes and never lets them go negative', () => {
    const result = normaliseRows([v1Row({ 'Hub \u2764\uFE0F': 2.6 }), v1Row({ 'Hub \u2764\uFE0F': -4 })], V1);
    expect(result.entries.map((e) => e.likes)).toEqual([3, 0]);
  });
});

describe('normaliseRows v2', () => {
  it('detects v2 and reads its own columns', () => {
    const result = normaliseRows([v2Row()], V2);
    expect(result.generation).toBe('v2');
    expect(result.entries[0]).toMatchObject({
      evalName: 'acme_Model-8B_bfloat16',
      type: 'chat',
      family: 'LLaMA',
      score: 25.5,
      benchmarks: { IFEval: 50, BBH: 30, 'MATH Lvl 5': 10, GPQA: 5, MUSR: 8, 'MMLU-PRO': 30 },
      baseModel: 'meta-llama/Meta-Llama-3-8B',
      baseModelRelation: null,
      baseModelRemoved: false,
      generationDepth: 1,
      uploadDate: '2024-05-20',
      submissionDate: '2024-06-12',
    });
  });
  it('reads the Base Model cell: suffix, itself, Removed', () => {
    const rows = [
      v2Row({ 'Base Model': 'Aashraf995/Gemma-Evo-10B (Merge)' }),
      v2Row({ 'Base Model': 'acme/Model-8B', Generation: 0 }),
      v2Row({ 'Base Model': 'Removed' }),
    ];
    const [merge, self, removed] = normaliseRows(rows, V2).entries;
    expect(merge).toMatchObject({ baseModel: 'Aashraf995/Gemma-Evo-10B', baseModelRelation: 'merge', baseModelRemoved: false });
    expect(self).toMatchObject({ baseModel: null, baseModelRelation: null, baseModelRemoved: false, generationDepth: 0 });
    expect(removed).toMatchObject({ baseModel: null, baseModelRelation: null, baseModelRemoved: true });
  });
  it('refuses a column set that is neither generation', () => {
    expect(() => normaliseRows([], ['fullname', 'score'])).toThrow(DataError);
  });
});

describe('detectInvertedFlags', () => {
  const names = ['fullname', 'Flagged', 'Merged', 'MoE'];
  const rows = (...flags: unknown[]): RawRow[] => flags.map((Flagged) => ({ fullname: 'a/b', Flagged }));
  it('reads a Flagged column true on over half the rows as inverted, with Merged and MoE', () => {
    expect(detectInvertedFlags(rows('True', 'True', 'False'), names)).toEqual(['Flagged', 'Merged', 'MoE']);
  });
  it('leaves exactly half, and fewer, alone', () => {
    expect(detectInvertedFlags(rows('True', 'False'), names)).toEqual([]);
    expect(detectInvertedFlags(rows(false, false, true), names)).toEqual([]);
  });
  it('counts only readable values', () => {
    expect(detectInvertedFlags(rows('True', 'None', null, 'maybe'), names)).toEqual(['Flagged', 'Merged', 'MoE']);
    expect(detectInvertedFlags(rows('None', null), names)).toEqual([]);
  });
  it('names only the flag columns the table has, and needs a Flagged column', () => {
    expect(detectInvertedFlags([{ flagged: true }, { flagged: 'true' }], ['fullname', 'flagged', 'MoE'])).toEqual(['Flagged', 'MoE']);
    expect(detectInvertedFlags([{ Merged: 'True' }, { Merged: 'True' }], ['Merged', 'MoE'])).toEqual([]);
    expect(detectInvertedFlags([], names)).toEqual([]);
  });
});
