import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate, templateNames } from '../../src/model/loadTemplate.js';
import { inputErrorOf, writeTemplate } from '../support/templateFile.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-template-'));
const template = (overrides: Record<string, unknown>) => writeTemplate(dir, overrides);
const reason = inputErrorOf;

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
