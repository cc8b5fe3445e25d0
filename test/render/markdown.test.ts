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
  it('escapes HTML and link syntax in paragraphs built from data (issue 7 item 12)', () => {
    expect(escapeInline('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeInline('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(escapeInline('a & b')).toBe('a &amp; b');
    expect(escapeInline('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;'); // an entity in the data stays literal too
    expect(escapeInline('- not a list')).toBe('\\- not a list');
    expect(escapeInline('1. not a list')).toBe('1\\. not a list');
    expect(escapeInline('# not a heading')).toBe('\\# not a heading');
    expect(escapeInline('---')).toBe('\\---');
    expect(escapeInline('-1.5')).toBe('-1.5'); // a number is not a list item
    expect(escapeInline('7.72')).toBe('7.72');
    expect(escapeInline('x\u001b]0;title\u0007y')).toBe('xy');
  });
});
