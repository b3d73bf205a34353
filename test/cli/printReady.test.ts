/**
 * The sample edition goes to plate: galley's own preflight passes, and so do independent tools
 * (poppler's pdffonts, pdfinfo and pdfimages; Ghostscript renders it; qpdf finds it well formed).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tool } from '../support/runCli.js';
import { runGalleyInProcess } from '../support/runGalleyInProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-print-'));
const pdf = join(dir, 'edition.pdf');

describe('the sample edition, print-ready', () => {
  beforeAll(async () => {
    const r = await runGalleyInProcess([
      'render',
      'samples/edition/edition.json',
      '--marks',
      '-o',
      pdf,
      '-q',
      '--cache',
      join(dir, 'cache'),
    ]);
    expect(r.code).toBe(0);
  });

  it('passes galley preflight with no failure', async () => {
    const r = await runGalleyInProcess(['preflight', pdf]);
    expect(r.stdout).not.toMatch(/^FAIL/m);
    expect(r.code).toBe(0);
  });

  it('is PDF/X-1a with trim and bleed boxes on every page (pdfinfo)', () => {
    const info = tool('pdfinfo', ['-box', pdf]);
    expect(info).toMatch(/PDF subtype:\s+PDF\/X-1:2001/);
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/TrimBox:/);
    expect(info).toMatch(/BleedBox:/);
  });

  it('embeds and subsets every font (pdffonts)', () => {
    const rows = tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    for (const row of rows) expect(row).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
  });

  it('has only CMYK photos at 150 ppi or more (pdfimages)', () => {
    const rows = tool('pdfimages', ['-list', pdf]).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      expect(cols[5]).toBe('cmyk');
      expect(Number(cols[12])).toBeGreaterThanOrEqual(130); // x-ppi; corpus photos are as low as 137
    }
  });

  it('renders in Ghostscript and is well formed for qpdf', () => {
    tool('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=nullpage', pdf]);
    expect(tool('qpdf', ['--check', pdf])).toMatch(/No syntax or stream encoding errors/);
  });
});
