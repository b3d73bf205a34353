import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBookings } from '../../src/model/loadBookings.js';
import { loadBudget } from '../../src/model/loadBudget.js';
import { inputErrorOf } from '../support/inputErrorOf.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-budget-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const errorOf = inputErrorOf;

describe('loadBudget', () => {
  it('reads a YAML budget: sections in page order, stories with their defaults, paths resolved', () => {
    const file = write(
      'budget.yaml',
      [
        'name: Late City',
        'date: 2026-12-07',
        'sections: [{ name: News, prefix: A }, { name: Sport, prefix: S }]',
        'stories:',
        '  - { slug: lead, article: a.json, section: News, priority: 1, front: true, jump: true }',
        '  - { slug: match, article: b.json, section: Sport }',
      ].join('\n'),
    );
    const b = loadBudget(file);
    expect(b.sections.map((s) => s.prefix)).toEqual(['A', 'S']);
    expect(b.stories[0]).toMatchObject({
      slug: 'lead',
      front: true,
      jump: true,
      sectionIndex: 0,
      articlePath: join(dir, 'a.json'),
    });
    expect(b.stories[1]).toMatchObject({
      priority: 5,
      photos: 'optional',
      jump: false,
      sectionIndex: 1,
      length: 'as written',
    });
    expect(b.plate).toBe(4);
  });

  it('reads a CSV budget, sections in order of first appearance, yes/no as booleans', () => {
    const file = write(
      'budget.csv',
      'slug,article,section,priority,photos,jump,front\nport,a.json,News,1,required,yes,yes\ngig,b.json,Arts,2,no,no,\n',
    );
    const b = loadBudget(file);
    expect(b.sections).toEqual([
      { name: 'News', prefix: 'A' },
      { name: 'Arts', prefix: 'B' },
    ]);
    expect(b.stories.map((s) => [s.photos, s.jump, s.front, s.field])).toEqual([
      ['required', true, true, 'line 2'],
      ['none', false, false, 'line 3'],
    ]);
  });

  it('names the CSV line and column of a bad value', () => {
    const file = write(
      'bad.csv',
      'slug,article,section,priority\nport,a.json,News,1\ngig,b.json,News,first\n',
    );
    const e = errorOf(() => loadBudget(file));
    expect(e.field).toBe('line 3, priority');
  });

  it('suggests the field a misspelt column meant', () => {
    const file = write('typo.csv', 'slug,article,sektion\nport,a.json,News\n');
    expect(errorOf(() => loadBudget(file)).reason).toMatch(
      /unknown field "sektion" \(did you mean "section"\?\)/,
    );
  });

  it('refuses a story in a section the budget does not have, and a slug used twice', () => {
    const sections = 'sections: [{ name: News, prefix: A }]\n';
    const unknown = write(
      's.yaml',
      `${sections}stories:\n  - { slug: a, article: a.json, section: Sport }\n`,
    );
    expect(errorOf(() => loadBudget(unknown))).toMatchObject({ field: 'stories[0].section' });
    const twice = write(
      't.yaml',
      `${sections}stories:\n  - { slug: a, article: a.json, section: News }\n  - { slug: a, article: b.json, section: News }\n`,
    );
    expect(errorOf(() => loadBudget(twice)).reason).toMatch(/slug "a" is used twice/);
  });
});

describe('loadBookings', () => {
  const sections = [
    { name: 'News', prefix: 'A' },
    { name: 'Sport', prefix: 'S' },
  ];

  it('reads sizes as papers sell them: columns x inches, mm or grid lines', () => {
    const file = write(
      'ads.csv',
      'page,section,size,position,advertiser\nA3,,3x4in,bottom right,Bakery\n,Sport,2 x 120mm,,Gym\nS2,,6x20 lines,,Stadium\n',
    );
    expect(loadBookings(file, sections)).toEqual([
      expect.objectContaining({
        sectionIndex: 0,
        pageNumber: 3,
        columns: 3,
        depth: '4in',
        position: 'bottom right',
        label: 'Advertisement: Bakery',
      }),
      expect.objectContaining({ sectionIndex: 1, columns: 2, depth: '120mm', position: 'pyramid' }),
      expect.objectContaining({ sectionIndex: 1, pageNumber: 2, columns: 6, depth: '20 lines' }),
    ]);
  });

  it('names the row of a size in an unknown unit, a page no section has, a missing place', () => {
    const bad = (row: string) =>
      errorOf(() => loadBookings(write('x.csv', `page,section,size,advertiser\n${row}\n`), sections));
    expect(bad('A3,,3x4furlongs,Bakery')).toMatchObject({ field: 'line 2, size' });
    expect(bad('A3,,3x4furlongs,Bakery').reason).toMatch(/unknown unit "furlongs"/);
    expect(bad('Z9,,3x4in,Bakery')).toMatchObject({ field: 'line 2, page' });
    expect(bad(',,3x4in,Bakery').reason).toMatch(/give the page/);
    expect(bad(',Weather,3x4in,Bakery')).toMatchObject({ field: 'line 2, section' });
  });

  it('refuses a position it does not know, naming the row', () => {
    const file = write('p.csv', 'page,size,position,advertiser\nA2,2x2in,upside down,Bakery\n');
    expect(errorOf(() => loadBookings(file, sections)).field).toBe('line 2, position');
  });
});
