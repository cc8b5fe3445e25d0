import { describe, expect, it } from 'vitest';
import { escapeInline, fenced, headerLine, heading } from '../../source/render/markdown.js';

describe('markdown helpers', () => {
  it('fences rendered text, longer than any backtick run inside', () => {
    expect(fenced(['a', 'b'])).toEqual(['```text', 'a', 'b', '```']);
    expect(fenced(['has ``` inside'], '')).toEqual(['````', 'has ``` inside', '````']);
  });
  it('writes headings with special characters escaped', () => {
    expect(heading('Models per base model')).toBe('## Models per base model');
    expect(heading('a*b', 9)).toBe('###### a\\*b');
    expect(escapeInline('x|y_z')).toBe('x\\|y\\_z');
  });
  it('joins a one-line header from the parts present', () => {
    expect(headerLine(['Architectures', 'v1', null, '', 'month'])).toBe('Architectures · v1 · month');
  });
});
