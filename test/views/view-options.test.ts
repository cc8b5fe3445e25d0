// Family specs as text (print --families, a screen's prompt): presets, patterns, base repos.
import { describe, expect, it } from 'vitest';
import { FamilySpecError, defaultMode, parseFamilySpec, parseFamilySpecs } from '../../source/views/view-options.js';
import { buildDataset } from '../analysis/build-dataset.js';

describe('family specs', () => {
  it('a preset id forms the preset in the mode asked, case-insensitively', () => {
    expect(parseFamilySpec('mistral-7b', 'pattern')).toEqual({ kind: 'pattern', id: 'mistral-7b', label: 'Mistral 7B', pattern: 'mistral7b', params: 7, range: 0.5 });
    expect(parseFamilySpec('Phi-2', 'lineage')).toEqual({ kind: 'lineage', id: 'phi-2', label: 'Phi-2', base: 'microsoft/phi-2' });
  });

  it('pattern:P[:params[:range]]', () => {
    expect(parseFamilySpec('pattern:phi2', 'lineage')).toEqual({ kind: 'pattern', pattern: 'phi2', params: null, range: 0 });
    expect(parseFamilySpec('pattern:llama2:13', 'pattern')).toEqual({ kind: 'pattern', pattern: 'llama2', params: 13, range: 0 });
    expect(parseFamilySpec('pattern:llama2:13:1.5', 'pattern')).toEqual({ kind: 'pattern', pattern: 'llama2', params: 13, range: 1.5 });
    expect(parseFamilySpec('pattern:qwen::2', 'pattern')).toEqual({ kind: 'pattern', pattern: 'qwen', params: null, range: 2 });
  });

  it('a repository id is a lineage family', () => {
    expect(parseFamilySpec('mistralai/Mistral-7B-v0.1', 'pattern')).toEqual({ kind: 'lineage', base: 'mistralai/Mistral-7B-v0.1' });
  });

  it.each([
    ['', /empty family spec/],
    ['gpt-5', /unknown family "gpt-5"/],
    ['pattern:', /write pattern:P\[:params\[:range\]\]/],
    ['pattern:a:b', /params must be a number ≥ 0, got "b"/],
    ['pattern:a:7:-1', /range must be a number ≥ 0, got "-1"/],
    ['pattern:a:7:1:2', /write pattern:P/],
    ['a/b/c', /unknown family "a\/b\/c"/],
  ])('%j is refused', (text, message) => {
    expect(() => parseFamilySpec(text, 'pattern')).toThrow(FamilySpecError);
    expect(() => parseFamilySpec(text, 'pattern')).toThrow(message);
  });

  it('lists: comma-separated or repeated; none means the presets', () => {
    expect(parseFamilySpecs(undefined, 'pattern')).toBe('presets');
    expect(parseFamilySpecs([' , '], 'pattern')).toBe('presets');
    expect(parseFamilySpecs(['phi-2,pattern:x', 'a/b'], 'pattern')).toHaveLength(3);
  });

  it('the default mode: lineage with Hub metadata, else the name pattern', () => {
    expect(defaultMode(buildDataset({ entries: [{ repo: 'a/b' }] }))).toBe('pattern');
    expect(defaultMode(buildDataset({ entries: [{ repo: 'a/b' }], info: { 'a/b': { created: '2024-01-01' } } }))).toBe('lineage');
  });
});
