// analyses.md §0 "Architecture family": the model class lowercased and mapped to a family
// label. The table is ordered: the first pattern that matches the class wins. One label for
// the versions of one vendor's architecture (Gemma, Gemma2, Gemma3 → Gemma; Phi, Phi3 → Phi;
// Qwen2, Qwen2MoE → Qwen2), but Mixtral apart from Mistral, as the paper keeps them.

export const UNKNOWN_FAMILY = 'unknown';

/** [substring of the lowercased class, family label]; more specific patterns first. */
export const FAMILY_PATTERNS: ReadonlyArray<readonly [string, string]> = [
  ['mixtral', 'Mixtral'],
  ['mistral', 'Mistral'],
  ['llava', 'LLaVA'],
  ['llama', 'LLaMA'],
  ['qwen2', 'Qwen2'],
  ['qwen', 'Qwen'],
  ['gemma', 'Gemma'],
  ['phi3', 'Phi'],
  ['phimultipleheads', 'Phi'],
  ['phi', 'Phi'],
  ['gpt2', 'GPT-2'],
  ['gptneox', 'GPT-NeoX'],
  ['gptneo', 'GPT-Neo'],
  ['gptj', 'GPT-J'],
  ['gptbigcode', 'GPTBigCode'],
  ['starcoder2', 'StarCoder2'],
  ['opt', 'OPT'],
  ['falcon', 'Falcon'],
  ['rwforcausallm', 'Falcon'],
  ['bloom', 'BLOOM'],
  ['mpt', 'MPT'],
  ['xglm', 'XGLM'],
  ['stablelm', 'StableLM'],
  ['cohere', 'Cohere'],
  ['rwkv', 'RWKV'],
  ['olmo', 'OLMo'],
  ['codegen', 'CodeGen'],
  ['deci', 'DeciLM'],
  ['internlm', 'InternLM'],
  ['baichuan', 'Baichuan'],
  ['chatglm', 'ChatGLM'],
  ['jamba', 'Jamba'],
  ['mamba', 'Mamba'],
  ['dbrx', 'DBRX'],
  ['exaone', 'EXAONE'],
  ['granite', 'Granite'],
  ['t5', 'T5'],
];

const UNKNOWN_CLASSES = new Set(['', '?', 'unknown', 'none', 'null']);

/** Cleans the raw class string: several classes joined with ';' keep the first; a scrape
 *  quirk writes "L,l,a,m,a,F,o,r,..." (one character per comma-separated cell). */
export function cleanArchitecture(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let text = String(raw).trim();
  if (/^(?:[^,],)+[^,]$/.test(text)) text = text.replace(/,/g, '');
  text = text.split(/[;,]/)[0]!.trim();
  return UNKNOWN_CLASSES.has(text.toLowerCase()) ? null : text;
}

/** The family label of a model class; `unknown` for "?", "Unknown" and empty. Classes no
 *  pattern knows keep their stem (the class without ForCausalLM/LMHeadModel/Model). */
export function familyOf(architecture: string | null | undefined): string {
  const cls = cleanArchitecture(architecture);
  if (cls === null) return UNKNOWN_FAMILY;
  const lower = cls.toLowerCase();
  for (const [pattern, label] of FAMILY_PATTERNS) {
    if (lower.includes(pattern)) return label;
  }
  const stem = cls.replace(/(ForCausalLM|ForConditionalGeneration|LMHeadModel|Model)$/i, '');
  return stem === '' ? UNKNOWN_FAMILY : stem;
}
