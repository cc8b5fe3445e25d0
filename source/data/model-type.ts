// analyses.md §0 "Type": the leaderboard's Type column, emoji prefix stripped, mapped onto
// the five known types; empty or unrecognised values are `unknown` (the raw string is kept).
import type { ModelType } from './model.js';

const BY_EMOJI: ReadonlyArray<readonly [string, ModelType]> = [
  ['🟩', 'continuously pretrained'],
  ['🟢', 'pretrained'],
  ['🔶', 'fine-tuned'],
  ['💬', 'chat'],
  ['⭕', 'chat'], // early v1 "instruction-tuned", folded into chat (IFT)
  ['🤝', 'merge'],
];

export function parseModelType(raw: string | null | undefined): ModelType {
  if (raw === null || raw === undefined) return 'unknown';
  const text = String(raw).trim();
  if (text === '') return 'unknown';
  const words = text
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .toLowerCase();
  if (words.includes('continuous')) return 'continuously pretrained';
  if (words.startsWith('pretrained') || words.startsWith('pre-trained') || words === 'base') return 'pretrained';
  if (/fine[- ]?tuned|finetune/.test(words)) return 'fine-tuned';
  if (/chat|rlhf|instruction|\bift\b|\bdpo\b/.test(words)) return 'chat';
  if (/merge|moerge/.test(words)) return 'merge';
  for (const [emoji, type] of BY_EMOJI) {
    if (text.startsWith(emoji)) return type;
  }
  return 'unknown';
}
