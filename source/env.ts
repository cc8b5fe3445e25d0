// The environment variables hubscope honours (hub-api.md §6.4), read in one place.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_HUB = 'https://huggingface.co';
export const DEFAULT_DATASETS_SERVER = 'https://datasets-server.huggingface.co';
export const DEFAULT_DATASET = 'open-llm-leaderboard/contents';

export interface Settings {
  /** Hub base URL (HF_ENDPOINT), no trailing slash. */
  hubUrl: string;
  /** Dataset viewer base URL (HUBSCOPE_DATASETS_SERVER or --datasets-server). */
  datasetsServerUrl: string;
  /** Bearer token (HF_TOKEN, HUGGING_FACE_HUB_TOKEN, or the HF_TOKEN_PATH file); never logged. */
  token: string | null;
  /** HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE: no network at all. */
  offline: boolean;
  /** NO_COLOR set (any non-empty value). */
  noColor: boolean;
}

const TRUTHY = new Set(['1', 'on', 'yes', 'true']);

export function isTruthy(value: string | undefined): boolean {
  return value !== undefined && TRUTHY.has(value.trim().toLowerCase());
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function readToken(env: NodeJS.ProcessEnv): string | null {
  if (isTruthy(env.HF_HUB_DISABLE_IMPLICIT_TOKEN)) return null;
  const direct = env.HF_TOKEN || env.HUGGING_FACE_HUB_TOKEN;
  if (direct && direct.trim()) return direct.trim();
  const home = env.HF_HOME || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'huggingface');
  const path = env.HF_TOKEN_PATH || join(home, 'token');
  try {
    const token = readFileSync(path, 'utf8').trim();
    return token === '' ? null : token;
  } catch {
    return null;
  }
}

export function readSettings(
  env: NodeJS.ProcessEnv = process.env,
  overrides: { datasetsServer?: string | undefined; offline?: boolean | undefined } = {},
): Settings {
  return {
    hubUrl: stripSlash(env.HF_ENDPOINT || DEFAULT_HUB),
    datasetsServerUrl: stripSlash(overrides.datasetsServer || env.HUBSCOPE_DATASETS_SERVER || DEFAULT_DATASETS_SERVER),
    token: readToken(env),
    offline: overrides.offline === true || isTruthy(env.HF_HUB_OFFLINE) || isTruthy(env.TRANSFORMERS_OFFLINE),
    noColor: env.NO_COLOR !== undefined && env.NO_COLOR !== '',
  };
}
