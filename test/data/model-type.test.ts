import { describe, expect, it } from 'vitest';
import { parseModelType } from '../../source/data/model-type.js';

describe('parseModelType', () => {
  it('maps the leaderboard labels, emoji stripped', () => {
    expect(parseModelType('🟢 pretrained')).toBe('pretrained');
    expect(parseModelType('🟩 continuously pretrained')).toBe('continuously pretrained');
    expect(parseModelType('🔶 fine-tuned on domain-specific datasets')).toBe('fine-tuned');
    expect(parseModelType('💬 chat models (RLHF, DPO, IFT, ...)')).toBe('chat');
    expect(parseModelType('🤝 base merges and moerges')).toBe('merge');
  });
  it('reads the request-file and plain spellings', () => {
    expect(parseModelType('🟢 : pretrained')).toBe('pretrained');
    expect(parseModelType('pretrained')).toBe('pretrained');
    expect(parseModelType('pre-trained')).toBe('pretrained');
    expect(parseModelType('fine-tuned')).toBe('fine-tuned');
    expect(parseModelType('finetuned')).toBe('fine-tuned');
    expect(parseModelType('⭕ instruction-tuned')).toBe('chat');
    expect(parseModelType('RLHF')).toBe('chat');
    expect(parseModelType('merge')).toBe('merge');
  });
  it('falls back to the emoji alone', () => {
    expect(parseModelType('🟢')).toBe('pretrained');
    expect(parseModelType('🟩')).toBe('continuously pretrained');
    expect(parseModelType('🔶')).toBe('fine-tuned');
    expect(parseModelType('💬')).toBe('chat');
    expect(parseModelType('🤝')).toBe('merge');
  });
  it('reads empty and unrecognised values as unknown', () => {
    for (const value of [null, undefined, '', '   ', '?', 'something else', '❓ new kind']) expect(parseModelType(value)).toBe('unknown');
  });
});
