import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/edition/Edition.js';
import { pageFileNames, slugify } from '../../src/edition/pageFileName.js';

const page = (label: string, section: string, index: number) => ({
  index,
  label,
  section,
  template: 'broadsheet',
  front: false,
  houseAds: true,
  field: '',
  stories: [],
  ads: [],
});
const edition: Edition = {
  file: 'e.json',
  dir: '/',
  name: 'Late City',
  newspaper: 'Le Monde Diplomatique',
  date: '2026-11-29',
  pages: [page('A1', 'Front', 0), page('B2', 'Économie & Sports', 1)],
};

describe('pageFileNames', () => {
  it('names pages <edition>-<date>-<page>.pdf, slugified', () => {
    expect(pageFileNames(edition)).toEqual(['late-city-2026-11-29-a1.pdf', 'late-city-2026-11-29-b2.pdf']);
    expect(slugify('Économie & Sports')).toBe('economie-sports');
  });

  it('follows a pattern with other fields', () => {
    expect(pageFileNames(edition, '{newspaper}_{index}_{section}')).toEqual([
      'le-monde-diplomatique_001_front.pdf',
      'le-monde-diplomatique_002_economie-sports.pdf',
    ]);
  });

  it('refuses unknown fields, paths and patterns that give two pages one name', () => {
    expect(() => pageFileNames(edition, '{edition}-{folio}.pdf')).toThrow(/unknown field \{folio\}/);
    expect(() => pageFileNames(edition, '../{page}.pdf')).toThrow(/not a path/);
    expect(() => pageFileNames(edition, '{edition}.pdf')).toThrow(/A1 and B2 would both be written/);
  });
});
