// Which columns of a hub-stats models.parquet hubscope reads (hub-api.md §12; analyses.md §6
// "Model"), told from the file's own footer: read by name, tolerate missing and extra columns,
// and say which were missing and which were skipped. Pure.

/** A field hubscope reads: a path into the parquet schema (a struct field is a dotted path). */
export interface FieldSpec {
  path: string;
  required: boolean;
  /** What it is used for (said when it is missing). */
  use: string;
}

export const HUB_FIELDS: readonly FieldSpec[] = [
  { path: 'id', required: true, use: 'the model' },
  { path: 'author', required: false, use: 'the namespace (else the id before "/")' },
  { path: 'createdAt', required: false, use: 'dates and periods' },
  { path: 'downloads', required: false, use: 'downloads in the last 30 days' },
  { path: 'downloadsAllTime', required: false, use: 'downloads since creation' },
  { path: 'likes', required: false, use: 'likes' },
  { path: 'pipeline_tag', required: false, use: 'the scope (language models)' },
  { path: 'library_name', required: false, use: 'the library' },
  { path: 'tags', required: false, use: 'licence, and base_model: tags when baseModels is missing' },
  { path: 'baseModels', required: false, use: 'parents and relation (the lineage)' },
  { path: 'safetensors.total', required: false, use: 'params (safetensors)' },
  { path: 'gguf.total', required: false, use: 'params (GGUF)' },
  { path: 'gguf.architecture', required: false, use: 'architecture of GGUF repos' },
  { path: 'config.architectures', required: false, use: 'architecture (model class)' },
  { path: 'config.model_type', required: false, use: 'architecture (model type)' },
];

/** Columns (or parts) never read, and why: what they would cost and where the need is met. */
export const SKIPPED_FIELDS: ReadonlyArray<{ path: string; why: string }> = [
  { path: 'siblings', why: 'file lists: wide, not used' },
  { path: 'cardData', why: 'the card as JSON: wide; licence comes from license: tags, base models from baseModels and base_model: tags' },
  { path: 'config.tokenizer_config', why: 'chat templates: wide, not used' },
  { path: 'safetensors.parameters', why: 'params per dtype: the total is enough' },
  { path: 'transformersInfo', why: 'not used' },
  { path: 'inferenceProviderMapping', why: 'not used' },
  { path: 'gated', why: 'not used' },
  { path: 'lastModified', why: 'not used' },
  { path: 'trendingScore', why: 'not used' },
];

/** One column chunk of the file, as the footer lists it. */
export interface ChunkInfo {
  rowGroup: number;
  /** path_in_schema joined with '.' (e.g. "baseModels.models.list.element.id"). */
  path: string;
  /** Byte offset of the chunk's first page (dictionary page, if any) and its compressed length. */
  start: number;
  length: number;
}

export interface ColumnPlan {
  /** Fields present in the file, in HUB_FIELDS order. */
  present: string[];
  /** Optional fields the file does not have (a view says what that costs). */
  missing: string[];
  /** Leaf columns not read (every leaf that no present field needs). */
  skippedLeaves: string[];
  /** Chunks to fetch. */
  chunks: ChunkInfo[];
  /** Bytes of the chunks to fetch, and of all chunks. */
  neededBytes: number;
  allBytes: number;
}

const matches = (leaf: string, field: string): boolean => leaf === field || leaf.startsWith(`${field}.`);

/** A field is present when some leaf column lies under it. A field whose parent is a plain
 *  column (config stored as a JSON string, say) is missing. */
export function planColumns(chunks: readonly ChunkInfo[], fields: readonly FieldSpec[] = HUB_FIELDS): ColumnPlan {
  const leaves = [...new Set(chunks.map((c) => c.path))];
  const present = fields.filter((f) => leaves.some((leaf) => matches(leaf, f.path))).map((f) => f.path);
  const missing = fields.filter((f) => !present.includes(f.path)).map((f) => f.path);
  const needed = (leaf: string) => present.some((f) => matches(leaf, f));
  const wanted = chunks.filter((c) => needed(c.path));
  return {
    present,
    missing,
    skippedLeaves: leaves.filter((leaf) => !needed(leaf)),
    chunks: wanted,
    neededBytes: wanted.reduce((s, c) => s + c.length, 0),
    allBytes: chunks.reduce((s, c) => s + c.length, 0),
  };
}

/** Byte ranges [start, end) covering the chunks: sorted, adjacent or nearly adjacent ones
 *  (a gap up to `maxGap` bytes, fetched and thrown away) merged, none longer than `maxLength`
 *  unless one chunk is. */
export function coalesceRanges(chunks: ReadonlyArray<{ start: number; length: number }>, maxGap = 4096, maxLength = 8 << 20): Array<[number, number]> {
  const sorted = [...chunks].filter((c) => c.length > 0).sort((a, b) => a.start - b.start);
  const out: Array<[number, number]> = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    const end = c.start + c.length;
    if (last && c.start - last[1] <= maxGap && end - last[0] <= maxLength) last[1] = Math.max(last[1], end);
    else out.push([c.start, end]);
  }
  return out;
}

/** A DataError-worthy problem with the plan, or null. */
export function planProblem(plan: ColumnPlan, fields: readonly FieldSpec[] = HUB_FIELDS): string | null {
  const absent = fields.filter((f) => f.required && !plan.present.includes(f.path)).map((f) => f.path);
  return absent.length > 0 ? `the snapshot has no ${absent.join(', ')} column: it is not a hub-stats models file` : null;
}
