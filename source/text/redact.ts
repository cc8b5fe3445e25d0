// Secrets never leave the program: the token's own value, anything shaped like a Hub token
// (`hf_` and 20+ letters and digits) and the value of a bearer header are replaced by
// "[redacted]" in every message that is stored, emitted or printed (issue 7 §5). One function,
// used where messages are made (fetch errors, server error texts) and again where they leave
// (cache writes, events, output).

const HUB_TOKEN = /hf_[A-Za-z0-9]{20,}/g;
const BEARER = /(bearer\s+)[^\s"',;]+/gi;
const REDACTED = '[redacted]';

let registered: string[] = [];

/** Tokens redacted everywhere from now on, besides the patterns (the token a run was given).
 *  Values shorter than 4 characters are ignored: they would redact ordinary text. */
export function registerSecret(value: string | null | undefined): void {
  if (!value) return;
  const secret = value.trim();
  if (secret.length < 4 || registered.includes(secret)) return;
  registered = [...registered, secret].sort((a, b) => b.length - a.length);
}

/** For tests: forget the registered secrets. */
export function clearSecrets(): void {
  registered = [];
}

/** The text with every registered secret, Hub-token-shaped string and bearer value replaced. */
export function redactSecrets(text: string, extra: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const secret of [...registered, ...extra]) {
    if (secret && secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  if (out.includes('hf_')) out = out.replace(HUB_TOKEN, REDACTED);
  if (/bearer/i.test(out)) out = out.replace(BEARER, (_, prefix: string) => `${prefix}${REDACTED}`);
  return out;
}
