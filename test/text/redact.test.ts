import { afterEach, describe, expect, it } from 'vitest';
import { clearSecrets, redactSecrets, registerSecret } from '../../source/text/redact.js';

afterEach(() => clearSecrets());

describe('redactSecrets', () => {
  it('removes a registered token wherever it occurs', () => {
    registerSecret('canary-Secret-42');
    expect(redactSecrets('echo: canary-Secret-42 and again canary-Secret-42')).toBe('echo: [redacted] and again [redacted]');
  });

  it('removes Hub-token-shaped strings and bearer values without being told', () => {
    expect(redactSecrets('token hf_abcdefghijklmnopqrstuvwxyz0123 used')).toBe('token [redacted] used');
    expect(redactSecrets('Authorization: Bearer xyz.123-abc, next')).toBe('Authorization: Bearer [redacted], next');
  });

  it('leaves short hf_ words and ordinary text alone', () => {
    expect(redactSecrets('hf_short and bearer')).toBe('hf_short and bearer');
    registerSecret('ab'); // too short to redact safely
    expect(redactSecrets('about a tab')).toBe('about a tab');
  });

  it('redacts extra values given per call', () => {
    expect(redactSecrets('x=ZZZZ-token', ['ZZZZ-token'])).toBe('x=[redacted]');
  });
});
