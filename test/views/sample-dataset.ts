// A small hand-built community for the view tests: five of the paper's families with records
// worked out by hand (below), several architectures and types, commit authors, downloads and
// declared base models. Built with the analysis tests' dataset builder.
import type { Dataset } from '../../source/data/model.js';
import { buildDataset, type EntrySpec, type InfoSpec, type ActivitySpec } from '../analysis/build-dataset.js';

interface Sample {
  repo: string;
  score: number;
  params: number;
  arch: string;
  type: EntrySpec['type'];
  created: string;
  base?: string;
  downloads?: number;
  authors?: string[];
}

const MISTRAL = 'MistralForCausalLM';
const LLAMA = 'LlamaForCausalLM';

/** §4 by name pattern (params floored), records by hand:
 *  - Mistral 7B: 60.00 (day 0), 62.00 (day 5, +2), 61.00 (not a record), 70.00 (day 30, +10):
 *    total +10.00, 90 % (9) first reached on day 30; 4 models.
 *  - LLaMA-1 7B: 45.00, 48.00 (day 14, +3), 52.00 (day 36, +7): total +7.00, day 36.
 *  - Llama 2 7B: 50.00, 55.00 (day 2, +5): total +5.00, day 2.
 *  - Mixtral 8x7B: 68.00, 71.00 (day 9, +3): total +3.00, day 9.
 *  - Phi-2: 61.00, 63.50 (day 28, +2.5): total +2.50, day 28.
 *  - Llama 3 8B and the others: no model matches. */
export const SAMPLES: Sample[] = [
  { repo: 'mistralai/Mistral-7B-v0.1', score: 60, params: 7.24, arch: MISTRAL, type: 'pretrained', created: '2023-09-20', downloads: 9000, authors: ['mistral-team', 'system'] },
  { repo: 'alice/mistral-7b-sft', score: 62, params: 7.24, arch: MISTRAL, type: 'fine-tuned', created: '2023-09-25', base: 'mistralai/Mistral-7B-v0.1', downloads: 300, authors: ['alice'] },
  { repo: 'bob/mistral-7b-dpo', score: 61, params: 7.24, arch: MISTRAL, type: 'chat', created: '2023-10-01', base: 'alice/mistral-7b-sft', downloads: 200, authors: ['bob', 'alice'] },
  { repo: 'carol/mistral-7b-best', score: 70, params: 7.24, arch: MISTRAL, type: 'chat', created: '2023-10-20', base: 'mistralai/Mistral-7B-v0.1', downloads: 100, authors: ['carol'] },
  { repo: 'huggyllama/llama-7b', score: 45, params: 7, arch: LLAMA, type: 'pretrained', created: '2023-02-24', downloads: 5000, authors: ['huggy'] },
  { repo: 'dave/llama-7b-alpaca', score: 48, params: 7, arch: LLAMA, type: 'fine-tuned', created: '2023-03-10', base: 'huggyllama/llama-7b', authors: ['dave'] },
  { repo: 'alice/llama-7b-vicuna', score: 52, params: 7, arch: LLAMA, type: 'fine-tuned', created: '2023-04-01', base: 'huggyllama/llama-7b', authors: ['alice'] },
  { repo: 'meta-llama/Llama-2-7b-hf', score: 50, params: 7, arch: LLAMA, type: 'pretrained', created: '2023-07-18', downloads: 8000, authors: ['meta'] },
  { repo: 'erin/llama-2-7b-chat-x', score: 55, params: 7, arch: LLAMA, type: 'chat', created: '2023-07-20', base: 'meta-llama/Llama-2-7b-hf', authors: ['erin', 'alice-bot'] },
  { repo: 'mistralai/Mixtral-8x7B-v0.1', score: 68, params: 46.7, arch: 'MixtralForCausalLM', type: 'pretrained', created: '2023-12-11', downloads: 4000, authors: ['mistral-team'] },
  { repo: 'frank/mixtral-8x7b-dpo', score: 71, params: 46.7, arch: 'MixtralForCausalLM', type: 'chat', created: '2023-12-20', base: 'mistralai/Mixtral-8x7B-v0.1', authors: ['frank'] },
  { repo: 'microsoft/phi-2', score: 61, params: 2.78, arch: 'PhiForCausalLM', type: 'pretrained', created: '2023-12-13', downloads: 6000, authors: ['msft'] },
  { repo: 'grace/phi-2-orange', score: 63.5, params: 2.78, arch: 'PhiForCausalLM', type: 'fine-tuned', created: '2024-01-10', base: 'microsoft/phi-2', authors: ['grace'] },
  { repo: 'heidi/merged-mistral-7b', score: 75, params: 7.24, arch: MISTRAL, type: 'merge', created: '2024-01-15', base: 'carol/mistral-7b-best', authors: ['heidi'] },
  { repo: 'ivan/big-model-120b', score: 72, params: 120, arch: LLAMA, type: 'fine-tuned', created: '2024-02-01', downloads: 50, authors: ['ivan'] },
];

/** The sample as a v1 dataset (fetched 2024-06-01 10:00 UTC). */
export function sampleDataset(): Dataset {
  const entries: EntrySpec[] = SAMPLES.map((s) => ({ repo: s.repo, score: s.score, params: s.params, architecture: s.arch, type: s.type }));
  const info: Record<string, InfoSpec> = {};
  const activity: Record<string, ActivitySpec> = {};
  for (const s of SAMPLES) {
    info[s.repo] = { created: s.created, ...(s.downloads !== undefined ? { downloads: s.downloads } : {}), ...(s.base ? { bases: [s.base] } : {}) };
    if (s.authors) activity[s.repo] = { authors: s.authors, first: s.created };
  }
  const dataset = buildDataset({ entries, info, activity });
  dataset.source = {
    dataset: 'open-llm-leaderboard-old/contents',
    revision: 'abc123def4567890',
    origin: 'viewer',
    leaderboardFetchedAt: '2024-06-01T10:00:00.000Z',
    infoFetchedAt: '2024-06-01T10:05:00.000Z',
    commitsFetchedAt: null,
  };
  return dataset;
}
