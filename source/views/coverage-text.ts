// What a view says beside a figure whose data is not all there (analysis/coverage.ts decides
// which part is partial or low; this file says it): "partial: 1,273 of 6,170 repos have commit
// histories so far". Pure.
import { incomplete, type Coverage, type PartCoverage, type PartName } from '../analysis/coverage.js';
import { formatInteger } from '../render/format-number.js';
import type { Block } from './view.js';

const WHAT: Record<PartName, string> = {
  table: 'rows of the table read',
  info: 'repos have Hub info',
  histories: 'repos have commit histories',
  dates: 'models have a creation date',
};

/** The word beside a figure's number: '' when the part is complete. */
export function markOf(part: PartCoverage): '' | 'partial' | 'low coverage' {
  return part.state === 'complete' ? '' : part.state === 'partial' ? 'partial' : 'low coverage';
}

/** "partial: 1,273 of 6,170 repos have commit histories so far", "low coverage: …", or null
 *  when the part is complete. */
export function coverageText(part: PartCoverage): string | null {
  if (part.state === 'complete') return null;
  const counts = `${formatInteger(part.have)} of ${formatInteger(part.of)} ${WHAT[part.part]}`;
  if (part.state === 'partial') return `partial: ${counts} so far`;
  return `low coverage: ${counts} (${LOW_REASON[part.part]})`;
}

const LOW_REASON: Record<PartName, string> = {
  table: '',
  info: 'the others are gone, gated or private on the Hub',
  histories: 'the others are gone, gated or private on the Hub',
  dates: 'the others have no creation date on the Hub nor an upload date on the leaderboard',
};

/** The parts each view's figures depend on, beyond the table (analyses.md: §1 authors from
 *  commit histories; every time series from creation dates; downloads, declared base models
 *  and lineage from Hub info). */
export const VIEW_PARTS: Record<string, readonly PartName[]> = {
  overview: ['info', 'histories', 'dates'],
  leaderboard: ['info'],
  authors: ['histories'],
  types: ['dates'],
  architectures: ['dates'],
  'base-models': ['info'],
  lineage: ['info'],
  sizes: ['info'],
  improvement: ['dates', 'info'],
};

/** The line a view opens with when a part its figures depend on is not all there; null when
 *  everything is. `partialOnly`: only for data still to come (the overview says low coverage
 *  in its "What is missing" section, beside the counts). */
export function coverageBlock(coverage: Coverage, parts: readonly PartName[], partialOnly = false): Block | null {
  const missing = incomplete(coverage, parts);
  if (missing.length === 0 || (partialOnly && !missing.some((p) => p.state === 'partial'))) return null;
  const texts = missing.map((p) => coverageText(p)!);
  const partial = missing.some((p) => p.state === 'partial');
  const running = coverage.fetching ? ' A fetch is running.' : '';
  const after = partial ? ' The figures that depend on them will change as the rest arrives.' : ' The figures that depend on them count only what is there.';
  return { kind: 'paragraph', text: `${capital(texts.join('; '))}.${after}${running}` };
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A figure's value with its mark: "374 (partial)". */
export function marked(value: string, parts: readonly PartCoverage[]): string {
  const mark = worstMark(parts);
  return mark === '' ? value : `${value} (${mark})`;
}

/** The worst mark of several parts ('' when all are complete). */
export function worstMark(parts: readonly PartCoverage[]): '' | 'partial' | 'low coverage' {
  if (parts.some((p) => p.state === 'partial')) return 'partial';
  return parts.some((p) => p.state === 'low') ? 'low coverage' : '';
}
