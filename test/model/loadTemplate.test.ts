import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/InputError.js';
import { loadTemplate, templateNames } from '../../src/model/loadTemplate.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-template-'));
const template = (overrides: Record<string, unknown>) => {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.json`);
  const base = {
    name: 't',
    trim: { width: '11in', height: '17in' },
    margins: { top: 36, right: 36, bottom: 36, left: 36 },
    columns: 5,
    gutter: 12,
    baseline: 11,
    styles: {},
  };
  writeFileSync(file, JSON.stringify({ ...base, ...overrides }));
  return file;
};
const reason = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return `${e.field}: ${e.reason}`;
    throw e;
  }
  return 'no error';
};

describe('loadTemplate', () => {
  it('ships broadsheet, berliner and tabloid at their trim sizes', () => {
    expect(templateNames()).toEqual(expect.arrayContaining(['berliner', 'broadsheet', 'tabloid']));
    expect(loadTemplate('broadsheet').trim).toEqual({ width: 900, height: 1548 });
    expect(loadTemplate('tabloid').trim).toEqual({ width: 792, height: 1224 });
    const berliner = loadTemplate('berliner').trim;
    expect(berliner.width).toBeCloseTo((315 / 25.4) * 72, 6);
    expect(berliner.height).toBeCloseTo((470 / 25.4) * 72, 6);
  });

  it('computes the grid: columns, gutters and whole baseline-grid lines', () => {
    const t = loadTemplate('broadsheet');
    expect(t.columnWidth).toBeCloseTo(128, 6);
    expect(t.gridLines).toBe(Math.floor((1548 - 72) / 11));
    expect(t.typeArea.height).toBe(t.gridLines * 11);
    expect(t.styles.body.leading).toBe(11);
  });

  it('resolves every style to shipped font faces', () => {
    const t = loadTemplate('broadsheet');
    expect(t.styles.body.font).toBe('Source Serif 4/400');
    expect(t.styles.body.italicFont).toBe('Source Serif 4/400i');
    expect(t.styles.body.boldFont).toBe('Source Serif 4/700');
    expect(t.styles.caption.font).toBe('Libre Franklin/400');
  });

  it('refuses an unknown template name and lists the shipped ones', () => {
    expect(reason(() => loadTemplate('broadsheat'))).toMatch(
      /unknown template "broadsheat" \(shipped: berliner, broadsheet, tabloid/,
    );
  });

  it('refuses columns that do not fit the page', () => {
    expect(reason(() => loadTemplate(template({ columns: 20 })))).toMatch(
      /^columns: 20 columns with 12 pt gutters leave/,
    );
  });

  it('refuses margins larger than the page', () => {
    expect(
      reason(() => loadTemplate(template({ margins: { top: 36, right: '6in', bottom: 36, left: '6in' } }))),
    ).toMatch(/^margins: the margins leave no type area/);
  });

  it('refuses a length it cannot read and an unknown font family', () => {
    expect(reason(() => loadTemplate(template({ gutter: '12 furlongs' })))).toMatch(
      /^gutter: expected a length/,
    );
    expect(reason(() => loadTemplate(template({ styles: { body: { family: 'Comic Sans' } } })))).toMatch(
      /^styles.body.family: unknown font family "Comic Sans"/,
    );
  });
});
