/**
 * The print PDF read back by independent tools: pdf-lib (objects), poppler (pdffonts, pdfinfo,
 * pdfimages, pdftotext), qpdf and Ghostscript.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFRawStream,
  PDFStream,
} from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { DisplayDocument } from '../../../src/display/types.js';
import { preflightFailed, preflightPdf } from '../../../src/preflight/index.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { catalog, sampleDocument, shapeRun } from './sampleDocument.js';

const tool = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'galley-pdf-'));
let display: DisplayDocument;
let x1a: Buffer;
let x1aFile: string;
let warnings: string[];

beforeAll(async () => {
  const cmyk = join(dir, 'hats-cmyk.jpg');
  await sharp('samples/corpus/images/kodak-hats-3072.jpg')
    .resize(600, 400)
    .toColourspace('cmyk')
    .jpeg()
    .toFile(cmyk);
  display = sampleDocument({ cmyk, rgb: 'samples/corpus/images/rocket-dscovr.jpg' });
  warnings = [];
  x1a = await renderPdf(display, { fontFiles: catalog.files, onWarning: (w) => warnings.push(w) });
  x1aFile = join(dir, 'x1a.pdf');
  writeFileSync(x1aFile, x1a);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** "The Universal Declaration of Human Rights": reordered vowels, coengs and a ligature. */
const KHMER = 'សេចក្ដីប្រកាសជាសកលស្ដីពីសិទ្ធិមនុស្ស';

describe('PDF/X-1a:2001 structure (pdf-lib)', () => {
  test('PDF 1.3 header, PDF/X keys, Trapped as a name, title and dates', async () => {
    expect(x1a.subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
    const pdf = await PDFDocument.load(x1a, { updateMetadata: false });
    const info = pdf.context.lookup(pdf.context.trailerInfo.Info) as PDFDict;
    const value = (k: string) => pdf.context.lookup(info.get(PDFName.of(k)));
    expect(value('Trapped')).toBe(PDFName.of('False'));
    expect(String(value('GTS_PDFXVersion'))).toBe('(PDF/X-1:2001)');
    expect(String(value('GTS_PDFXConformance'))).toBe('(PDF/X-1a:2001)');
    expect(pdf.getTitle()).toBe('Galley & Sons test');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(pdf.getModificationDate()?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(pdf.context.trailerInfo.ID).toBeDefined();
    expect(pdf.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
  });

  test('a GTS_PDFX output intent with the embedded CMYK newsprint profile', async () => {
    const pdf = await PDFDocument.load(x1a, { updateMetadata: false });
    const intents = pdf.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    expect(intent.get(PDFName.of('OutputConditionIdentifier'))?.toString()).toBe('(CGATS TR 002)');
    const profile = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream) as PDFRawStream;
    expect(profile.dict.get(PDFName.of('N'))?.toString()).toBe('4');
    const icc = decodePDFRawStream(profile).decode();
    expect(Buffer.from(icc.subarray(16, 20)).toString('latin1')).toBe('CMYK');
    expect(Buffer.from(icc.subarray(12, 16)).toString('latin1')).toBe('prtr');
  });

  test('MediaBox, BleedBox and TrimBox in bottom-left user space; no UserUnit', async () => {
    const pdf = await PDFDocument.load(x1a, { updateMetadata: false });
    const page = pdf.getPage(0);
    expect(page.getTrimBox()).toEqual({ x: 8.504, y: 8.504, width: 288, height: 432 });
    expect(page.getBleedBox()).toEqual({ x: 0, y: 0, width: 305.008, height: 449.008 });
    expect(page.getMediaBox()).toEqual({ x: 0, y: 0, width: 305.008, height: 449.008 });
    expect(page.node.get(PDFName.of('UserUnit'))).toBeUndefined();
  });

  test('black text and rules overprint through an ExtGState of our own (OP, op, OPM 1)', async () => {
    const pdf = await PDFDocument.load(x1a, { updateMetadata: false });
    const page = pdf.getPage(0);
    const gs = page.node
      .Resources()!
      .lookup(PDFName.of('ExtGState'), PDFDict)
      .lookup(PDFName.of('GsOP'), PDFDict);
    expect(String(gs.get(PDFName.of('OP')))).toBe('true');
    expect(String(gs.get(PDFName.of('op')))).toBe('true');
    expect(String(gs.get(PDFName.of('OPM')))).toBe('1');
    const content = Buffer.from(decodePDFRawStream(page.node.Contents() as PDFRawStream).decode()).toString(
      'latin1',
    );
    // The headline: overprint, 100 K, glyphs at the computed position (text space flipped upright).
    expect(content).toMatch(/q\n\/GsOP gs\n0 0 0 1 k\nBT\n\/F\d+ 30 Tf\n1 0 0 -1 18 48 Tm\n\[</);
    // The reversed (white) text knocks out: no overprint state before it.
    expect(content).toMatch(/q\n0 0 0 0 k\nBT/);
    // Font expansion via Tz; the gray caption as K only.
    expect(content).toContain('98 Tz');
    expect(content).toContain('0 0 0 0.8 k');
    expect(content).not.toMatch(/ (rg|RG)\n/);
  });

  test('no pdfkit default font anywhere (Helvetica is never loaded)', () => {
    expect(x1a.includes('Helvetica')).toBe(false);
  });

  test('two photo placements of the same crop and size share one image object', () => {
    const list = tool('pdfimages', '-list', x1aFile).trim().split('\n').slice(2);
    const ids = list.map((l) => l.trim().split(/\s+/)[10]);
    expect(list).toHaveLength(3);
    expect(ids[0]).toBe(ids[2]);
  });
});

describe('independent read-back: poppler, qpdf, Ghostscript', () => {
  test('pdffonts: every font embedded and subset, with a ToUnicode map', () => {
    const rows = tool('pdffonts', x1aFile).trim().split('\n').slice(2);
    expect(rows.length).toBe(5);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  test('pdfinfo -box: PDF/X-1:2001 subtype, version 1.3, trim and bleed boxes', () => {
    const out = tool('pdfinfo', '-box', x1aFile);
    expect(out).toMatch(/PDF version:\s+1\.3/);
    expect(out).toMatch(/PDF subtype:\s+PDF\/X-1:2001/);
    expect(out).toMatch(/TrimBox:\s+8\.50\s+8\.50\s+296\.50\s+440\.50/);
    expect(out).toMatch(/BleedBox:\s+0\.00\s+0\.00\s+305\.01\s+449\.01/);
    expect(out).toMatch(/Pages:\s+2/);
  });

  test('pdfimages -list: CMYK JPEGs at the expected resolution', () => {
    const rows = tool('pdfimages', '-list', x1aFile).trim().split('\n').slice(2);
    const cols = rows.map((r) => r.trim().split(/\s+/));
    for (const c of cols) {
      expect(c[5]).toBe('cmyk');
      expect(c[8]).toBe('jpeg');
    }
    // 600 px over 252 pt = 171 ppi (the source is smaller than 200 ppi: not upsampled); 120 pt at 200 ppi.
    expect(cols.map((c) => [c[3], c[4], c[12]])).toEqual([
      ['600', '400', '171'],
      ['333', '222', '200'],
      ['600', '400', '171'],
    ]);
  });

  test('pdftotext finds the words, ligatures included', () => {
    const text = tool('pdftotext', x1aFile, '-');
    expect(text).toContain('Harbour reopens');
    expect(text).toContain('The ferry office finally opened');
    expect(text).toContain('Page two, in italics: office');
  });

  test('qpdf --check finds no errors', () => {
    expect(tool('qpdf', '--check', x1aFile)).toContain('No syntax or stream encoding errors found');
  });

  test('Ghostscript renders it and sees ink on all four plates', () => {
    const out = tool(
      'gs',
      '-q',
      '-dNOPAUSE',
      '-dBATCH',
      '-dSAFER',
      '-r20',
      '-sDEVICE=inkcov',
      '-sOutputFile=-',
      x1aFile,
    );
    const pages = out
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).slice(0, 4).map(Number));
    expect(pages).toHaveLength(2);
    for (const inks of pages[0]!) expect(inks).toBeGreaterThan(0.01);
  });

  test("galley's own preflight passes it", async () => {
    const results = await preflightPdf(x1a);
    expect(preflightFailed(results)).toBe(false);
    expect(results.filter((r) => r.status !== 'PASS')).toEqual([]);
  });
});

describe('reproducible output', () => {
  test('the same input gives byte-identical PDFs', async () => {
    const again = await renderPdf(display, { fontFiles: catalog.files });
    expect(again.equals(x1a)).toBe(true);
  });

  test('SOURCE_DATE_EPOCH sets the dates (and the bytes change only through them)', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
    const pdf = await PDFDocument.load(await renderPdf(display, { fontFiles: catalog.files }), {
      updateMetadata: false,
    });
    expect(pdf.getCreationDate()?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  test('a different document gets a different /ID', async () => {
    const other = await renderPdf({ ...display, title: 'Another page' }, { fontFiles: catalog.files });
    const id = (b: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(b.toString('latin1'))?.[1];
    expect(id(other)).toBeDefined();
    expect(id(other)).not.toBe(id(x1a));
  });
});

describe('options', () => {
  test('PDF/X-4: PDF 1.6 with XMP identification, and it passes preflight', async () => {
    const x4 = await renderPdf(
      { ...display, title: 'Crime & <Punishment>' },
      { fontFiles: catalog.files, standard: 'x4' },
    );
    expect(x4.subarray(0, 8).toString('latin1')).toBe('%PDF-1.6');
    const xml = x4.toString('utf8');
    expect(xml).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
    expect(xml).toContain('Crime &#38; &#60;Punishment&#62;'); // XMP escaped (STACK trap 6)
    const results = await preflightPdf(x4);
    expect(results.find((r) => r.id === 'pdfx-keys')?.message).toBe('PDF/X-4');
    expect(preflightFailed(results)).toBe(false);
  });

  test('marks: the media box grows to hold crop marks and the slug line, the trim stays', async () => {
    const pdf = await renderPdf(display, {
      fontFiles: catalog.files,
      marks: true,
      slug: { edition: 'City', plate: '2' },
    });
    const file = join(dir, 'marks.pdf');
    writeFileSync(file, pdf);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const page = doc.getPage(0);
    const media = page.getMediaBox();
    const trim = page.getTrimBox();
    expect(trim.width).toBe(288);
    expect(media.width - trim.width).toBeCloseTo(2 * (8.504 + 3 + 15 + 6), 2);
    expect(tool('pdftotext', file, '-')).toMatch(/City\s+page A1\s+2026-11-29\s+plate 2\s+PDF\/X-1a:2001/);
    expect(preflightFailed(await preflightPdf(pdf))).toBe(false);
  });

  test('a bleed option overrides the page boxes (the media box grows with it)', async () => {
    const pdf = await PDFDocument.load(await renderPdf(display, { fontFiles: catalog.files, bleed: 9 }), {
      updateMetadata: false,
    });
    expect(pdf.getPage(0).getBleedBox()).toEqual({ x: 0, y: 0, width: 306, height: 450 });
    expect(pdf.getPage(0).getTrimBox()).toEqual({ x: 9, y: 9, width: 288, height: 432 });
  });

  test('grayscale photos for black-and-white pages', async () => {
    const pdf = await renderPdf(display, { fontFiles: catalog.files, imageOptions: { colour: 'gray' } });
    const file = join(dir, 'gray.pdf');
    writeFileSync(file, pdf);
    const colours = tool('pdfimages', '-list', file)
      .trim()
      .split('\n')
      .slice(2)
      .map((r) => r.trim().split(/\s+/)[5]);
    expect(colours).toEqual(['gray', 'gray', 'gray']);
  });

  test('low-resolution photos and inks above the limit are reported through onWarning', async () => {
    const found: string[] = [];
    const page = display.pages[0]!;
    const heavy: DisplayDocument = {
      ...display,
      pages: [
        {
          ...page,
          items: [
            {
              kind: 'rect',
              rect: { x: 0, y: 0, width: 10, height: 10 },
              fill: { space: 'cmyk', c: 1, m: 1, y: 1, k: 0 },
            },
            { ...(page.items[7] as object), rect: { x: 0, y: 0, width: 500, height: 333 } } as never,
          ],
        },
      ],
    };
    await renderPdf(heavy, { fontFiles: catalog.files, onWarning: (w) => found.push(w) });
    expect(found.some((w) => /300% ink, above the 240%/.test(w))).toBe(true);
    expect(found.some((w) => /86 ppi at the placed size/.test(w))).toBe(true);
    expect(warnings).toEqual([]);
  });

  test('richBlackMinArea: a large 100 K box becomes rich black (200% ink), a small one stays K', async () => {
    const page = display.pages[0]!;
    const black = { space: 'cmyk', c: 0, m: 0, y: 0, k: 1 } as const;
    const boxes: DisplayDocument = {
      ...display,
      pages: [
        {
          ...page,
          items: [
            { kind: 'rect', rect: { x: 0, y: 0, width: 200, height: 100 }, fill: black },
            { kind: 'rect', rect: { x: 0, y: 120, width: 10, height: 10 }, fill: black },
          ],
        },
      ],
    };
    const pdf = await PDFDocument.load(
      await renderPdf(boxes, { fontFiles: catalog.files, richBlackMinArea: 5000 }),
    );
    const content = Buffer.from(
      decodePDFRawStream(pdf.getPage(0).node.Contents() as PDFRawStream).decode(),
    ).toString();
    expect(content).toContain('0.4 0.3 0.3 1 k\n0 0 200 100 re f');
    expect(content).toContain('0 0 0 1 k\n0 120 10 10 re f');
  });

  test('every shipped face embeds and subsets (STACK trap 9)', async () => {
    const keys = [...catalog.files.keys()];
    const page = display.pages[0]!;
    const all: DisplayDocument = {
      ...display,
      pages: [
        {
          ...page,
          items: keys.map((k, i) =>
            shapeRun(k, k.includes('Khmer') ? KHMER : `Quoth ${k}: fiﬂ “office” — 1½`, 10, 20 + i * 14, 9),
          ),
        },
      ],
    };
    const file = join(dir, 'faces.pdf');
    writeFileSync(file, await renderPdf(all, { fontFiles: catalog.files }));
    const rows = tool('pdffonts', file).trim().split('\n').slice(2);
    expect(rows).toHaveLength(keys.length);
    for (const row of rows) expect(row).toMatch(/yes yes yes/);
    const text = tool('pdftotext', file, '-');
    expect(text).toContain('Quoth Source Serif 4/400: fiﬂ “office” — 1½');
    // Khmer comes back in its own order (ActualText), not in the glyphs' visual order.
    expect(text).toContain(KHMER);
  });

  test('a glyph the font lacks (.notdef) is refused unless allowed', async () => {
    const page = display.pages[0]!;
    const tofu: DisplayDocument = {
      ...display,
      pages: [{ ...page, items: [shapeRun('Source Serif 4/400', 'ស', 10, 20, 9)] }],
    };
    await expect(renderPdf(tofu, { fontFiles: catalog.files })).rejects.toThrow(/\.notdef/);
    await expect(
      renderPdf(tofu, { fontFiles: catalog.files, allowMissingGlyphs: true }),
    ).resolves.toBeInstanceOf(Buffer);
  });

  test('an unknown font key is a clear error', async () => {
    const bad = structuredClone(display);
    (bad.pages[0]!.items[0] as { font: string }).font = 'Comic Sans/400';
    await expect(renderPdf(bad, { fontFiles: catalog.files })).rejects.toThrow(
      'font "Comic Sans/400" is not in the font catalogue',
    );
  });
});
