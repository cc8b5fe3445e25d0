// The base releases the synthetic Hub snapshot (bench/synth-hub-stats.mjs) builds on: real ids,
// release days, sizes (B params), classes and model types, grouped by vendor. The group weights
// over time make the root mix shift from Llama to Qwen over 2024–26 (analyses.md §6 H4: "Qwen's
// share of derivatives rose from about 1 % in early 2024 to about two-thirds in early 2026").

export const LLM_GROUPS = {
  // group: [weights at 2023.0, 2024.0, 2025.0, 2026.0, 2026.8] (piecewise linear in between)
  llama: [0.35, 0.55, 0.4, 0.14, 0.1],
  qwen: [0.0, 0.01, 0.3, 0.62, 0.66],
  mistral: [0.0, 0.24, 0.12, 0.05, 0.04],
  gemma: [0.0, 0.06, 0.1, 0.08, 0.07],
  phi: [0.0, 0.05, 0.05, 0.02, 0.02],
  deepseek: [0.0, 0.01, 0.02, 0.05, 0.04],
  openai: [0, 0, 0, 0, 0.04],
  other: [0.65, 0.08, 0.01, 0.04, 0.03],
};
export const KNOTS = [2023.0, 2024.0, 2025.0, 2026.0, 2026.8];

// [id, day, params B, class, model_type, pipeline, group]
export const LLM_ROOTS = [
  ['huggyllama/llama-7b', '2023-04-03', 6.74, 'LlamaForCausalLM', 'llama', 'text-generation', 'llama'],
  ['meta-llama/Llama-2-7b-hf', '2023-07-13', 6.74, 'LlamaForCausalLM', 'llama', 'text-generation', 'llama'],
  ['meta-llama/Llama-2-13b-hf', '2023-07-13', 13.0, 'LlamaForCausalLM', 'llama', 'text-generation', 'llama'],
  ['meta-llama/Meta-Llama-3-8B', '2024-04-17', 8.03, 'LlamaForCausalLM', 'llama', 'text-generation', 'llama'],
  ['meta-llama/Meta-Llama-3-8B-Instruct', '2024-04-17', 8.03, 'LlamaForCausalLM', 'llama', 'text-generation', 'llama'],
  ['meta-llama/Llama-3.1-8B-Instruct', '2024-07-18', 8.03, 'LlamaForCausalLM', 'llama', 'text-generation', 'llama'],
  ['meta-llama/Llama-3.2-1B', '2024-09-18', 1.24, 'LlamaForCausalLM', 'llama', 'text-generation', 'llama'],
  ['meta-llama/Llama-3.2-3B-Instruct', '2024-09-18', 3.21, 'LlamaForCausalLM', 'llama', 'text-generation', 'llama'],
  ['meta-llama/Llama-4-Scout-17B-16E-Instruct', '2025-04-02', 109, 'Llama4ForConditionalGeneration', 'llama4', 'image-text-to-text', 'llama'],
  ['Qwen/Qwen-7B', '2023-08-03', 7.72, 'QWenLMHeadModel', 'qwen', 'text-generation', 'qwen'],
  ['Qwen/Qwen1.5-7B', '2024-02-03', 7.72, 'Qwen2ForCausalLM', 'qwen2', 'text-generation', 'qwen'],
  ['Qwen/Qwen2-7B-Instruct', '2024-06-04', 7.62, 'Qwen2ForCausalLM', 'qwen2', 'text-generation', 'qwen'],
  ['Qwen/Qwen2.5-7B-Instruct', '2024-09-16', 7.62, 'Qwen2ForCausalLM', 'qwen2', 'text-generation', 'qwen'],
  ['Qwen/Qwen2.5-0.5B', '2024-09-15', 0.49, 'Qwen2ForCausalLM', 'qwen2', 'text-generation', 'qwen'],
  ['Qwen/Qwen2.5-VL-7B-Instruct', '2025-01-26', 8.29, 'Qwen2_5_VLForConditionalGeneration', 'qwen2_5_vl', 'image-text-to-text', 'qwen'],
  ['Qwen/Qwen3-8B', '2025-04-27', 8.19, 'Qwen3ForCausalLM', 'qwen3', 'text-generation', 'qwen'],
  ['Qwen/Qwen3-30B-A3B', '2025-04-27', 30.5, 'Qwen3MoeForCausalLM', 'qwen3_moe', 'text-generation', 'qwen'],
  ['Qwen/Qwen3-4B-Instruct-2507', '2025-08-05', 4.02, 'Qwen3ForCausalLM', 'qwen3', 'text-generation', 'qwen'],
  ['mistralai/Mistral-7B-v0.1', '2023-09-20', 7.24, 'MistralForCausalLM', 'mistral', 'text-generation', 'mistral'],
  ['mistralai/Mistral-7B-Instruct-v0.2', '2023-12-11', 7.24, 'MistralForCausalLM', 'mistral', 'text-generation', 'mistral'],
  ['mistralai/Mixtral-8x7B-v0.1', '2023-12-01', 46.7, 'MixtralForCausalLM', 'mixtral', 'text-generation', 'mistral'],
  ['mistralai/Mistral-Nemo-Instruct-2407', '2024-07-17', 12.2, 'MistralForCausalLM', 'mistral', 'text-generation', 'mistral'],
  ['mistralai/Mistral-Small-24B-Instruct-2501', '2025-01-28', 23.6, 'MistralForCausalLM', 'mistral', 'text-generation', 'mistral'],
  ['google/gemma-7b', '2024-02-08', 8.54, 'GemmaForCausalLM', 'gemma', 'text-generation', 'gemma'],
  ['google/gemma-2-9b-it', '2024-06-24', 9.24, 'Gemma2ForCausalLM', 'gemma2', 'text-generation', 'gemma'],
  ['google/gemma-3-4b-it', '2025-03-12', 4.3, 'Gemma3ForConditionalGeneration', 'gemma3', 'image-text-to-text', 'gemma'],
  ['google/gemma-3-27b-it', '2025-03-12', 27.4, 'Gemma3ForConditionalGeneration', 'gemma3', 'image-text-to-text', 'gemma'],
  ['microsoft/phi-2', '2023-12-13', 2.78, 'PhiForCausalLM', 'phi', 'text-generation', 'phi'],
  ['microsoft/Phi-3-mini-4k-instruct', '2024-04-22', 3.82, 'Phi3ForCausalLM', 'phi3', 'text-generation', 'phi'],
  ['microsoft/phi-4', '2024-12-11', 14.7, 'Phi3ForCausalLM', 'phi3', 'text-generation', 'phi'],
  ['deepseek-ai/deepseek-llm-7b-base', '2023-11-29', 6.91, 'LlamaForCausalLM', 'llama', 'text-generation', 'deepseek'],
  ['deepseek-ai/DeepSeek-R1', '2025-01-20', 671, 'DeepseekV3ForCausalLM', 'deepseek_v3', 'text-generation', 'deepseek'],
  ['deepseek-ai/DeepSeek-R1-Distill-Qwen-7B', '2025-01-20', 7.62, 'Qwen2ForCausalLM', 'qwen2', 'text-generation', 'deepseek'],
  ['openai/gpt-oss-20b', '2025-08-05', 21.5, 'GptOssForCausalLM', 'gpt_oss', 'text-generation', 'openai'],
  ['openai/gpt-oss-120b', '2025-08-05', 120.4, 'GptOssForCausalLM', 'gpt_oss', 'text-generation', 'openai'],
  ['gpt2', '2022-03-02', 0.137, 'GPT2LMHeadModel', 'gpt2', 'text-generation', 'other'],
  ['facebook/opt-1.3b', '2022-05-11', 1.32, 'OPTForCausalLM', 'opt', 'text-generation', 'other'],
  ['EleutherAI/pythia-1b', '2023-03-10', 1.01, 'GPTNeoXForCausalLM', 'gpt_neox', 'text-generation', 'other'],
  ['tiiuae/falcon-7b', '2023-04-24', 7.22, 'FalconForCausalLM', 'falcon', 'text-generation', 'other'],
  ['TinyLlama/TinyLlama-1.1B-Chat-v1.0', '2023-12-30', 1.1, 'LlamaForCausalLM', 'llama', 'text-generation', 'other'],
  ['HuggingFaceTB/SmolLM2-1.7B-Instruct', '2024-10-31', 1.71, 'LlamaForCausalLM', 'llama', 'text-generation', 'other'],
];

// Roots outside the default scope (their derivatives are mostly adapters: LoRAs of image models).
export const OTHER_ROOTS = [
  ['bert-base-uncased', '2022-03-02', 0.11, 'BertForMaskedLM', 'bert', 'fill-mask'],
  ['FacebookAI/roberta-base', '2022-03-02', 0.125, 'RobertaForMaskedLM', 'roberta', 'fill-mask'],
  ['openai/whisper-small', '2022-09-26', 0.242, 'WhisperForConditionalGeneration', 'whisper', 'automatic-speech-recognition'],
  ['google/vit-base-patch16-224', '2022-03-02', 0.086, 'ViTForImageClassification', 'vit', 'image-classification'],
  ['sentence-transformers/all-MiniLM-L6-v2', '2022-03-02', 0.0227, 'BertModel', 'bert', 'sentence-similarity'],
  ['stabilityai/stable-diffusion-xl-base-1.0', '2023-07-25', 0, null, null, 'text-to-image'],
  ['black-forest-labs/FLUX.1-dev', '2024-07-31', 0, null, null, 'text-to-image'],
];

// Accounts that publish most quantized models (H7), with their weights.
export const QUANTIZERS = [
  ['mradermacher', 30], ['bartowski', 12], ['TheBloke', 8], ['QuantFactory', 6], ['RichardErkhov', 8],
  ['unsloth', 4], ['lmstudio-community', 3], ['MaziyarPanahi', 3], ['tensorblock', 5], ['DevQuasar', 3],
  ['second-state', 2], ['NikolayKozloff', 2],
];

export const LICENSES = [
  ['apache-2.0', 38], ['mit', 14], ['other', 9], ['llama3.1', 4], ['llama2', 3], ['cc-by-nc-4.0', 4],
  ['creativeml-openrail-m', 4], ['gemma', 2], ['openrail', 2], ['cc-by-4.0', 2], ['gpl-3.0', 1], [null, 17],
];

// Pipelines of models with no parent that are not one of the roots above.
export const ORIGINAL_PIPELINES = [
  [null, 30], ['text-generation', 14], ['text-classification', 10], ['reinforcement-learning', 8],
  ['image-classification', 5], ['automatic-speech-recognition', 4], ['token-classification', 4],
  ['text-to-image', 4], ['feature-extraction', 3], ['sentence-similarity', 3], ['text2text-generation', 3],
  ['image-text-to-text', 1], ['translation', 2], ['fill-mask', 2], ['object-detection', 2], ['audio-classification', 1],
];

export const ORIGINAL_ARCH = {
  'text-generation': [['LlamaForCausalLM', 'llama', 40], ['GPT2LMHeadModel', 'gpt2', 25], ['Qwen2ForCausalLM', 'qwen2', 10], ['MistralForCausalLM', 'mistral', 5], ['GPTNeoXForCausalLM', 'gpt_neox', 5], ['MambaForCausalLM', 'mamba', 2]],
  'text-classification': [['BertForSequenceClassification', 'bert', 60], ['DistilBertForSequenceClassification', 'distilbert', 30], ['RobertaForSequenceClassification', 'roberta', 20]],
  'text2text-generation': [['T5ForConditionalGeneration', 't5', 60], ['BartForConditionalGeneration', 'bart', 30]],
  'image-text-to-text': [['LlavaForConditionalGeneration', 'llava', 50], ['Qwen2VLForConditionalGeneration', 'qwen2_vl', 50]],
};
