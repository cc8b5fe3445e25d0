import { describe, expect, it } from 'vitest';
import { cleanArchitecture, familyOf, UNKNOWN_FAMILY } from '../../source/data/architecture.js';

describe('familyOf', () => {
  it('maps the classes of the leaderboard to families', () => {
    const cases: Array<[string, string]> = [
      ['LlamaForCausalLM', 'LLaMA'],
      ['LLaMAForCausalLM', 'LLaMA'],
      ['LlamaModel', 'LLaMA'],
      ['MistralForCausalLM', 'Mistral'],
      ['MixtralForCausalLM', 'Mixtral'],
      ['Qwen2ForCausalLM', 'Qwen2'],
      ['Qwen2MoeForCausalLM', 'Qwen2'],
      ['QWenLMHeadModel', 'Qwen'],
      ['GemmaForCausalLM', 'Gemma'],
      ['Gemma2ForCausalLM', 'Gemma'],
      ['Gemma3ForCausalLM', 'Gemma'],
      ['RecurrentGemmaForCausalLM', 'Gemma'],
      ['PhiForCausalLM', 'Phi'],
      ['Phi3ForCausalLM', 'Phi'],
      ['PhiMultipleHeadsForCasualLM', 'Phi'],
      ['GPT2LMHeadModel', 'GPT-2'],
      ['GPTNeoXForCausalLM', 'GPT-NeoX'],
      ['GPTNeoForCausalLM', 'GPT-Neo'],
      ['GPTJForCausalLM', 'GPT-J'],
      ['GPTBigCodeForCausalLM', 'GPTBigCode'],
      ['OPTForCausalLM', 'OPT'],
      ['FalconForCausalLM', 'Falcon'],
      ['RWForCausalLM', 'Falcon'],
      ['BloomForCausalLM', 'BLOOM'],
      ['MPTForCausalLM', 'MPT'],
      ['StableLmForCausalLM', 'StableLM'],
      ['RwkvForCausalLM', 'RWKV'],
      ['OLMoForCausalLM', 'OLMo'],
    ];
    for (const [cls, family] of cases) expect(familyOf(cls), cls).toBe(family);
  });
  it('reads the comma-split scrape quirk', () => {
    expect(familyOf('L,l,a,m,a,F,o,r,C,a,u,s,a,l,L,M')).toBe('LLaMA');
  });
  it('keeps the first of several classes', () => {
    expect(familyOf('MistralForCausalLM,QuietForCausalLM')).toBe('Mistral');
    expect(familyOf('LlamaForCausalLM;MistralForCausalLM')).toBe('LLaMA');
  });
  it('reads "?", "Unknown", empty and missing as unknown', () => {
    for (const value of ['?', 'Unknown', 'unknown', '', '  ', 'None', null, undefined]) expect(familyOf(value)).toBe(UNKNOWN_FAMILY);
    expect(UNKNOWN_FAMILY).toBe('unknown');
  });
  it('keeps the stem of a class no pattern knows', () => {
    expect(familyOf('FooBarForCausalLM')).toBe('FooBar');
    expect(familyOf('ZetaLMHeadModel')).toBe('Zeta');
    expect(familyOf('ForCausalLM')).toBe('unknown');
  });
});

describe('cleanArchitecture', () => {
  it('joins the quirk, keeps the first class, and nulls unknowns', () => {
    expect(cleanArchitecture('L,l,a,m,a,F,o,r,C,a,u,s,a,l,L,M')).toBe('LlamaForCausalLM');
    expect(cleanArchitecture(' MistralForCausalLM ')).toBe('MistralForCausalLM');
    expect(cleanArchitecture('A;B')).toBe('A');
    expect(cleanArchitecture('?')).toBeNull();
    expect(cleanArchitecture(null)).toBeNull();
  });
});
