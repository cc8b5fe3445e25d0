import { describe, expect, it } from 'vitest';
import { isRepoId, nameOf, namespaceOf, repoFromLink } from '../../source/data/repo-id.js';

describe('isRepoId', () => {
  it('accepts namespace/name and legacy one-segment ids', () => {
    for (const id of ['acme/Model-7B', 'meta-llama/Llama-2-7b-hf', '01-ai/Yi-1.5-34B', 'gpt2', 'a_b/c.d']) expect(isRepoId(id), id).toBe(true);
  });
  it('refuses spaces, three segments, dot-dot, odd first characters and over-long ids', () => {
    for (const id of ['', 'a b', 'a/b/c', '../x', 'a/..b', '-a/b', 'a/.b', '/b', 'a/', `a/${'x'.repeat(199)}`]) expect(isRepoId(id), id).toBe(false);
  });
});

describe('repoFromLink', () => {
  it('finds the id in a URL, a scraped URL with a stray quote, and the v2 HTML', () => {
    expect(repoFromLink('https://huggingface.co/acme/Model-7B')).toBe('acme/Model-7B');
    expect(repoFromLink('https://huggingface.co/acme/Model-7B"')).toBe('acme/Model-7B');
    expect(repoFromLink('https://huggingface.co/acme/Model-7B/tree/main')).toBe('acme/Model-7B');
    expect(repoFromLink('<a target="_blank" href="https://huggingface.co/01-ai/Yi-1.5-34B">01-ai/Yi-1.5-34B</a> <a href="https://huggingface.co/datasets/x/y">📑</a>')).toBe('01-ai/Yi-1.5-34B');
    expect(repoFromLink('https://huggingface.co/gpt2')).toBe('gpt2');
  });
  it('gives null without a Hub link', () => {
    expect(repoFromLink('acme/Model-7B')).toBeNull();
    expect(repoFromLink('https://example.com/a/b')).toBeNull();
  });
});

describe('namespaceOf and nameOf', () => {
  it('split an id', () => {
    expect(namespaceOf('acme/Model')).toBe('acme');
    expect(nameOf('acme/Model')).toBe('Model');
    expect(namespaceOf('gpt2')).toBe('');
    expect(nameOf('gpt2')).toBe('gpt2');
  });
});
