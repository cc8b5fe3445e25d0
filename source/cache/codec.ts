// The cache's on-disk layout, kept compact so that a 100,000-model cache loads fast and
// small: entries and per-repo items are stored as arrays of values in a fixed order (this
// file is the only place that knows it), derived fields (the lowercased key) are not stored,
// repeated strings are dictionary-encoded, and the JSON is pure ASCII (other characters as
// \u escapes) so it decodes as a one-byte string. Every row is checked as it is decoded: a
// value of the wrong type makes the file read as corrupt (never a half-typed entry).
import { MODEL_TYPES, type CommitActivity, type Entry, type ItemStatus, type ModelInfo } from '../data/model.js';
import type { CommitsDoc, ItemRecord, ItemsDoc, LeaderboardDoc, ModelsDoc } from './schema.js';

type Row = unknown[];

/** Dictionary encoding for repeated strings (types, licences, tags, authors…): each file
 *  stores the distinct strings once, and the rows refer to them by index. Decoding is an
 *  array lookup, and every occurrence shares one string in memory. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  /** Index of a string (null stays null). */
  id(value: string | null): number | null {
    if (value === null) return null;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(value);
      this.index.set(value, i);
    }
    return i;
  }
  ids(values: readonly string[]): number[] {
    return values.map((v) => this.id(v)!);
  }
}

/** Reads dictionary-encoded values back; checks indexes so a damaged file reads as corrupt. */
export class StringLookup {
  constructor(private readonly strings: readonly string[]) {}
  s(i: unknown): string | null {
    if (i === null) return null;
    const value = this.strings[i as number];
    if (value === undefined) throw new Error(`string index ${String(i)} out of range`);
    return value;
  }
  list(values: unknown): string[] {
    return (values as unknown[]).map((i) => this.s(i)!);
  }
}

/** Checks a stored row against a shape: one letter per value — n number, N number or null,
 *  s string, S string or null, b boolean, B boolean or null, a list, i a string-table index
 *  or null (checked by StringLookup), * anything. Throws on the first mismatch. */
export function checkRow(row: unknown, shape: string, what: string): asserts row is unknown[] {
  if (!Array.isArray(row) || row.length !== shape.length) throw new Error(`${what} is not a row of ${shape.length} values`);
  for (let i = 0; i < shape.length; i++) {
    const v = row[i];
    let ok: boolean;
    switch (shape[i]) {
      case 'n': ok = typeof v === 'number'; break;
      case 'N': ok = v === null || typeof v === 'number'; break;
      case 's': ok = typeof v === 'string'; break;
      case 'S': ok = v === null || typeof v === 'string'; break;
      case 'b': ok = typeof v === 'boolean'; break;
      case 'B': ok = v === null || typeof v === 'boolean'; break;
      case 'a': ok = Array.isArray(v); break;
      case 'i': ok = v === null || typeof v === 'number'; break;
      default: ok = true;
    }
    if (!ok) throw new Error(`${what}: value ${i + 1} has the wrong type`);
  }
}

/** JSON text with every non-ASCII character escaped. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// --- leaderboard entries ---------------------------------------------------------------

export const ENTRY_LAYOUT = 'entry-v1';

function encodeEntry(e: Entry, benchmarks: readonly string[], t: StringTable): Row {
  return [
    e.index, e.repo, e.evalName, t.id(e.precision), t.id(e.type), t.id(e.typeRaw), t.id(e.weightType),
    t.id(e.architecture), t.id(e.family), e.score, benchmarks.map((b) => e.benchmarks[b] ?? null), e.params,
    t.id(e.license), e.likes, e.available, e.flagged, e.merged, e.moe, e.sha, e.baseModel, t.id(e.baseModelRelation),
    e.baseModelRemoved, e.generationDepth, t.id(e.uploadDate), t.id(e.submissionDate),
  ];
}

const ENTRY_SHAPE = 'nsSiiiiiiNaNiNBbbbSSibNii';

function decodeEntry(r: Row, benchmarks: readonly string[], t: StringLookup): Entry {
  checkRow(r, ENTRY_SHAPE, 'an entry');
  const repo = r[1] as string;
  const scores = r[10] as Array<number | null>;
  const bench: Record<string, number | null> = {};
  for (let i = 0; i < benchmarks.length; i++) {
    const score = scores[i] ?? null;
    if (score !== null && typeof score !== 'number') throw new Error(`the entry of ${repo} has a benchmark score that is not a number`);
    bench[benchmarks[i]!] = score;
  }
  const type = t.s(r[4]);
  if (!(MODEL_TYPES as readonly (string | null)[]).includes(type)) throw new Error(`the entry of ${repo} has no model type`);
  if (t.s(r[8]) === null) throw new Error(`the entry of ${repo} has no architecture family`);
  return {
    index: r[0] as number,
    repo,
    key: repo.toLowerCase(),
    evalName: r[2] as string | null,
    precision: t.s(r[3]),
    type: t.s(r[4]) as Entry['type'],
    typeRaw: t.s(r[5]),
    weightType: t.s(r[6]),
    architecture: t.s(r[7]),
    family: t.s(r[8])!,
    score: r[9] as number | null,
    benchmarks: bench,
    params: r[11] as number | null,
    license: t.s(r[12]),
    likes: r[13] as number | null,
    available: r[14] as boolean | null,
    flagged: r[15] as boolean,
    merged: r[16] as boolean,
    moe: r[17] as boolean,
    sha: r[18] as string | null,
    baseModel: r[19] as string | null,
    baseModelRelation: t.s(r[20]) as Entry['baseModelRelation'],
    baseModelRemoved: r[21] as boolean,
    generationDepth: r[22] as number | null,
    uploadDate: t.s(r[23]),
    submissionDate: t.s(r[24]),
  };
}

interface StoredLeaderboard extends Omit<LeaderboardDoc, 'entries'> {
  layout?: string;
  benchmarks?: string[];
  strings?: string[];
  entries: unknown[];
}

export function encodeLeaderboard(doc: LeaderboardDoc): StoredLeaderboard {
  const benchmarks = doc.entries.length > 0 ? Object.keys(doc.entries[0]!.benchmarks) : [];
  const table = new StringTable();
  const entries = doc.entries.map((e) => encodeEntry(e, benchmarks, table));
  return { ...doc, layout: ENTRY_LAYOUT, benchmarks, strings: table.strings, entries };
}

/** The table from its stored layout (the caller has checked the layout marker and the
 *  header: cache/validate.ts). */
export function decodeLeaderboard(raw: StoredLeaderboard): LeaderboardDoc {
  const benchmarks = raw.benchmarks ?? [];
  const lookup = new StringLookup(raw.strings ?? []);
  const { layout: _layout, benchmarks: _names, strings: _strings, ...rest } = raw;
  return { ...rest, entries: raw.entries.map((r) => decodeEntry(r as Row, benchmarks, lookup)) } as LeaderboardDoc;
}

// --- per-repository items (model info, commit activity) --------------------------------

export const ITEMS_LAYOUT = 'items-v1';

function encodeInfo(i: ModelInfo, t: StringTable): Row {
  return [
    i.id, t.id(i.author), i.createdAt, i.lastModified, i.downloads, i.likes, t.ids(i.tags), t.id(i.library),
    t.id(i.license), t.id(i.pipelineTag), i.gated, t.ids(i.cardBaseModels), t.ids(i.datasets), t.ids(i.languages),
    i.safetensorsTotal, i.sha,
  ];
}

const INFO_SHAPE = 'siSSNNaiii*aaaNS';

function decodeInfo(r: Row, t: StringLookup): ModelInfo {
  checkRow(r, INFO_SHAPE, 'a model info');
  const gated = r[10];
  if (gated !== null && typeof gated !== 'boolean' && typeof gated !== 'string') throw new Error(`the model info of ${String(r[0])} has a gated value of the wrong type`);
  return {
    id: r[0] as string,
    author: t.s(r[1]),
    createdAt: r[2] as string | null,
    lastModified: r[3] as string | null,
    downloads: r[4] as number | null,
    likes: r[5] as number | null,
    tags: t.list(r[6]),
    library: t.s(r[7]),
    license: t.s(r[8]),
    pipelineTag: t.s(r[9]),
    gated: r[10] as ModelInfo['gated'],
    cardBaseModels: t.list(r[11]),
    datasets: t.list(r[12]),
    languages: t.list(r[13]),
    safetensorsTotal: r[14] as number | null,
    sha: r[15] as string | null,
  };
}

function encodeActivity(a: CommitActivity, t: StringTable): Row {
  return [a.commits, a.firstCommit, a.lastCommit, t.ids(a.authors)];
}

function decodeActivity(r: Row, t: StringLookup): CommitActivity {
  checkRow(r, 'nSSa', 'a commit activity');
  return { commits: r[0] as number, firstCommit: r[1] as string | null, lastCommit: r[2] as string | null, authors: t.list(r[3]) };
}

interface StoredItems {
  schema: number;
  layout?: string;
  strings?: string[];
  items: unknown;
}

function encodeItems<T>(doc: ItemsDoc<T>, encode: (value: T, t: StringTable) => Row): StoredItems {
  const table = new StringTable();
  const rows: Row[] = [];
  for (const [key, r] of Object.entries(doc.items)) {
    rows.push([key, r.status, r.fetchedAt, r.message ?? null, r.value === undefined ? null : encode(r.value, table)]);
  }
  return { schema: doc.schema, layout: ITEMS_LAYOUT, strings: table.strings, items: rows };
}

const STATES = new Set(['ok', 'gone', 'error']);

/** Calls `each` for every stored item (the caller has checked the layout marker). */
function forEachItem<T>(
  raw: StoredItems,
  decode: (row: Row, t: StringLookup) => T,
  each: (key: string, record: ItemRecord<T>) => void,
): void {
  const lookup = new StringLookup(raw.strings ?? []);
  for (const row of raw.items as Row[]) {
    checkRow(row, 'ssSS*', 'an item');
    if (!STATES.has(row[1] as string)) throw new Error(`the item ${row[0] as string} has an unknown status`);
    if (Number.isNaN(Date.parse(row[2] as string))) throw new Error(`the item ${row[0] as string} has a fetch time that is not a time`);
    if (row[4] !== null && !Array.isArray(row[4])) throw new Error(`the item ${row[0] as string} has a value that is not a row`);
    const record: ItemRecord<T> = { status: row[1] as ItemRecord<T>['status'], fetchedAt: row[2] as string };
    if (row[3] !== null) record.message = row[3] as string;
    if (row[4] !== null) record.value = decode(row[4] as Row, lookup);
    each(row[0] as string, record);
  }
}

function decodeItems<T>(raw: StoredItems, decode: (row: Row, t: StringLookup) => T): ItemsDoc<T> {
  const items: Record<string, ItemRecord<T>> = {};
  forEachItem(raw, decode, (key, record) => {
    items[key] = record;
  });
  return { schema: raw.schema, items };
}

/** Items straight into the maps a Dataset holds (read-only use: no keyed object built). */
function itemMaps<T>(raw: StoredItems, decode: (row: Row, t: StringLookup) => T): {
  values: Map<string, T>;
  statuses: Map<string, ItemStatus>;
} {
  const values = new Map<string, T>();
  const statuses = new Map<string, ItemStatus>();
  forEachItem(raw, decode, (key, record) => {
    statuses.set(key, record); // an ItemRecord is an ItemStatus (plus its value)
    if (record.status === 'ok' && record.value !== undefined) values.set(key, record.value);
  });
  return { values, statuses };
}

export type { StoredItems, StoredLeaderboard };
export const encodeModels = (doc: ModelsDoc): StoredItems => encodeItems(doc, encodeInfo);
export const decodeModels = (raw: StoredItems): ModelsDoc => decodeItems(raw, decodeInfo);
export const modelMaps = (raw: StoredItems) => itemMaps(raw, decodeInfo);
export const encodeCommits = (doc: CommitsDoc): StoredItems => encodeItems(doc, encodeActivity);
export const decodeCommits = (raw: StoredItems): CommitsDoc => decodeItems(raw, decodeActivity);
export const commitMaps = (raw: StoredItems) => itemMaps(raw, decodeActivity);
