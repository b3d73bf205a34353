/**
 * The paper's own fonts and its own script, end to end through `galley render`: the sample
 * edition set in faces galley does not ship (samples/fonts: Debian's fonts-noto-core, installed by
 * .ci/run), and the bilingual Khmer and English sample, whose Khmer comes back out of the PDF.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tool } from '../support/runCli.js';
import { runGalleyInProcess } from '../support/runGalleyInProcess.js';
import { writeTemplate } from '../support/templateFile.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-scripts-'));
const cache = join(dir, 'cache');

describe("the sample edition in the paper's own fonts (a template's fontCatalog)", () => {
  const pdf = join(dir, 'paper.pdf');
  beforeAll(async () => {
    const r = await runGalleyInProcess(['render', 'samples/fonts/edition.json', '-o', pdf, '--cache', cache]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it("embeds the paper's faces (subset, with ToUnicode) and none of galley's Latin ones", () => {
    const fonts = tool('pdffonts', [pdf]).trim().split('\n').slice(2);
    const names = fonts.map((row) => row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toEqual(
      expect.arrayContaining(['NotoSerif-Regular', 'NotoSerifDisplay-Bold', 'NotoSans-Regular']),
    );
    expect(names.filter((n) => /SourceSerif|Playfair|LibreFranklin/.test(n))).toEqual([]);
    for (const row of fonts) expect(row).toMatch(/yes yes yes/);
  });
});

describe('an OpenType CFF face from a fontCatalog', () => {
  it('is embedded as a CFF subset (CID Type 0C) and its text extracts', async () => {
    const urw = '/usr/share/fonts/opentype/urw-base35';
    writeFileSync(
      join(dir, 'cff-fonts.json'),
      JSON.stringify({
        families: {
          'Paper Roman': {
            faces: {
              '400': `${urw}/NimbusRoman-Regular.otf`,
              '400i': `${urw}/NimbusRoman-Italic.otf`,
              '700': `${urw}/NimbusRoman-Bold.otf`,
            },
          },
        },
      }),
    );
    const template = writeTemplate(
      dir,
      { name: 'cff', fontCatalog: 'cff-fonts.json', styles: { body: { family: 'Paper Roman' } } },
      'cff.json',
    );
    const pdf = join(dir, 'cff.pdf');
    const r = await runGalleyInProcess([
      'render',
      'samples/cambodia-daily/article.json',
      '-t',
      template,
      '-o',
      pdf,
      '--cache',
      cache,
    ]);
    expect(r.code).toBe(0);
    expect(tool('pdffonts', [pdf])).toMatch(/\+NimbusRoman-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(tool('pdftotext', [pdf, '-'])).toContain('Pchum Ben');
  });
});

describe('the bilingual Khmer and English sample', () => {
  const pdf = join(dir, 'khmer.pdf');
  beforeAll(async () => {
    const r = await runGalleyInProcess(['render', 'samples/khmer/edition.json', '-o', pdf, '--cache', cache]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('gives every Khmer paragraph back to pdftotext, in reading order within it', () => {
    const article = JSON.parse(readFileSync('samples/khmer/udhr-khmer.json', 'utf8')) as {
      headline: string;
      body: (string | { subhead: string })[];
    };
    // Lines and columns come back with their own breaks: compare the text without white space (and
    // without the zero-width spaces that mark the headline's words: break hints, not text).
    const squeeze = (s: string) => s.replace(/[\s\u200B]+/g, '');
    const text = squeeze(tool('pdftotext', ['-raw', pdf, '-']));
    expect(text).toContain(squeeze(article.headline));
    const paragraphs = article.body.map((b) => (typeof b === 'string' ? b : b.subhead));
    for (const p of paragraphs) {
      // A paragraph may run from one column to the next: each of its halves is there in order.
      const s = squeeze(p);
      const half = Math.floor(s.length / 2);
      expect(text.includes(s) || (text.includes(s.slice(0, half)) && text.includes(s.slice(half)))).toBe(
        true,
      );
    }
  });

  it('embeds the Khmer faces and sets the English story beside it in galley’s Latin ones', () => {
    const fonts = tool('pdffonts', [pdf]);
    expect(fonts).toMatch(/NotoSerifKhmer-Regular/);
    expect(fonts).toMatch(/NotoSerifKhmer-Bold/);
    expect(fonts).toMatch(/SourceSerif4-Regular/);
  });
});
