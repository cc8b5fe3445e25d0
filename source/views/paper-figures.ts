// The paper's own figures, as data: what arXiv:2501.16403 reports, shown beside hubscope's
// numbers on the overview and the section views. The texts follow ../shared/docs/analyses.md
// ("Checking yourself" and the sections). The paper used its own, later scrape of v1 (1,829
// authors); the snapshot in shared/data is an earlier scrape, so expect the same shape with
// somewhat smaller counts, not the same numbers.

import type { Generation } from '../data/model.js';
import type { View } from './view.js';

/** The paper studied v1: its figures stand beside v1's numbers only (v2 has other benchmarks,
 *  other scales and other people; a "paper" column there would compare unlike things). */
export function paperApplies(generation: Generation | string | null): boolean {
  return generation === 'v1';
}

/** The view without the paper's figures (the "paper" column of its figures blocks), for a
 *  dataset the paper did not study. Rows are copied, never changed in place. */
export function withoutPaper(view: View): View {
  if (!view.blocks.some((b) => b.kind === 'figures' && b.rows.some((r) => r.paper !== undefined))) return view;
  const blocks = view.blocks.map((b) => (b.kind === 'figures' ? { ...b, rows: b.rows.map(({ paper: _paper, ...row }) => row) } : b));
  return { ...view, blocks };
}

export interface PaperFigure {
  /** The figure as the paper states it, short enough for the "paper" column. */
  text: string;
  /** The number behind it, where there is one (a share as a fraction, points, days, count). */
  value?: number;
  /** Where analyses.md states it. */
  where: string;
}

export const PAPER_FIGURES = {
  authors: { text: '1,829 authors', value: 1829, where: 'Checking yourself; §1 Concentration headline' },
  top10Share: { text: '≈ 8 %', value: 0.08, where: 'Checking yourself; §1 ("top 10 hold 8 %")' },
  top200Share: { text: '≈ 50 %', value: 0.5, where: 'Checking yourself; §1 ("top 200 about 50 %")' },
  price: { text: '≈ half (Price’s law)', value: 0.5, where: '§1 Price’s law ("Price predicts about half")' },
  downloadsAtMost15: { text: '≈ 85 %', value: 0.85, where: 'Checking yourself; §3 Downloads by size' },
  mistralBase: { text: '> 300 models', value: 300, where: 'Checking yourself ("over 300 models name Mistral as base model")' },
  llama3Base: { text: '> 200 models', value: 200, where: 'Checking yourself ("over 200 name Llama 3")' },
  llama3Improvement: { text: '> 10 points within days', value: 10, where: 'Checking yourself ("Llama 3 8B gained over 10 %")' },
  mistralImprovement: { text: '≈ 15 points', value: 15, where: 'Checking yourself; §4 Units ("15 percent" = 15 points)' },
  llama1Improvement: { text: '≈ 15 points', value: 15, where: 'Checking yourself ("Mistral 7B and LLaMA-1 gained about 15 %")' },
  exhaust: { text: '≈ a month', value: 30, where: '§4 Time to exhaust ("about a month")' },
} as const satisfies Record<string, PaperFigure>;

export type PaperFigureId = keyof typeof PAPER_FIGURES;

/** The paper's figure text for the "paper" column. */
export function paper(id: PaperFigureId): string {
  return PAPER_FIGURES[id].text;
}

/** The improvement figure of a §4 preset family id (improvement-families.ts), when the paper
 *  states one. */
export function paperImprovement(familyId: string): PaperFigureId | undefined {
  if (familyId === 'mistral-7b') return 'mistralImprovement';
  if (familyId === 'llama-7b') return 'llama1Improvement';
  if (familyId === 'llama3-8b') return 'llama3Improvement';
  return undefined;
}
