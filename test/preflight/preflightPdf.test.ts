/**
 * preflightPdf on PDFs that break the newsprint rules one way or another (made with plain pdfkit),
 * and on galley's own output.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  formatPreflight,
  type PreflightResult,
  preflightFailed,
  preflightPdf,
} from '../../src/preflight/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { catalog, sampleDocument } from '../render/pdf/sampleDocument.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-preflight-'));

function pdfkitPdf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: [200, 200], margin: 0, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    draw(doc);
    doc.end();
  });
}

const byId = (results: PreflightResult[]) => Object.fromEntries(results.map((r) => [r.id, r]));

let ours: Buffer;
let rgbJpeg: Buffer;
beforeAll(async () => {
  const cmyk = join(dir, 'cmyk.jpg');
  await sharp('samples/corpus/images/kodak-hats-3072.jpg')
    .resize(600, 400)
    .toColourspace('cmyk')
    .jpeg()
    .toFile(cmyk);
  ours = await renderPdf(sampleDocument({ cmyk, rgb: 'samples/corpus/images/rocket-dscovr.jpg' }), {
    fontFiles: catalog.files,
    marks: true,
  });
  rgbJpeg = await sharp('samples/corpus/images/rocket-dscovr.jpg').resize(100).jpeg().toBuffer();
});

describe("preflightPdf: galley's output", () => {
  test('every check passes', async () => {
    const results = await preflightPdf(ours);
    expect(results.map((r) => `${r.status} ${r.id}`)).toEqual([
      'PASS pdfx-keys',
      'PASS pdf-version',
      'PASS trapped',
      'PASS info',
      'PASS output-intent',
      'PASS encryption',
      'PASS page-boxes',
      'PASS annotations',
      'PASS fonts-embedded',
      'PASS colour-content',
      'PASS colour-images',
      'PASS image-resolution',
      'PASS transparency',
      'PASS text-size',
      'PASS rule-width',
    ]);
    expect(byId(results)['output-intent']!.message).toContain('galley newsprint TR002 TAC230');
  });

  test('a path works as well as bytes', async () => {
    const file = join(dir, 'ours.pdf');
    writeFileSync(file, ours);
    expect(preflightFailed(await preflightPdf(file))).toBe(false);
  });
});

describe('preflightPdf: an ordinary RGB pdfkit file fails for the reasons a printer would give', () => {
  let results: Record<string, PreflightResult>;
  beforeAll(async () => {
    const pdf = await pdfkitPdf((doc) => {
      doc.rect(10, 10, 50, 50).fill('#ff0000');
      doc.fontSize(12).fillColor('black').text('Helvetica, not embedded', 10, 80);
      doc.image(rgbJpeg, 10, 100, { width: 100 });
      doc.link(0, 0, 20, 20, 'https://example.com');
    });
    results = byId(await preflightPdf(pdf));
  });

  test('no PDF/X identification, no output intent, no trim box', () => {
    expect(results['pdfx-keys']!.status).toBe('FAIL');
    expect(results['output-intent']!.status).toBe('FAIL');
    expect(results['page-boxes']!.message).toContain('page 1: no TrimBox');
    expect(results.trapped!.message).toBe('no /Trapped key');
  });

  test('RGB in the content and in the image', () => {
    expect(results['colour-content']).toMatchObject({ status: 'FAIL' });
    expect(results['colour-content']!.message).toMatch(
      /^RGB colour in content: page 1: cs \/DeviceRGB \(fill colour in RGB\)/,
    );
    expect(results['colour-images']).toMatchObject({ status: 'FAIL', message: 'RGB images: page 1 I1' });
  });

  test('the standard font is not embedded; the link is an annotation', () => {
    expect(results['fonts-embedded']).toMatchObject({ status: 'FAIL', message: 'not embedded: Helvetica' });
    expect(results.annotations).toMatchObject({ status: 'FAIL', message: 'page 1: /Link' });
  });

  test('the image is placed at 72 ppi (100 px over 100 pt): below the 100 ppi floor', () => {
    expect(results['image-resolution']).toMatchObject({
      status: 'FAIL',
      message: 'below 100 ppi: page 1 I1 72 ppi',
    });
  });
});

describe('preflightPdf: single faults', () => {
  test('Trapped written as a string (pdfkit default) fails', async () => {
    const pdf = await pdfkitPdf(() => {}, { info: { Trapped: 'False' } as never });
    expect(byId(await preflightPdf(pdf)).trapped).toMatchObject({
      status: 'FAIL',
      message: '/Trapped is the string (False), must be a name',
    });
  });

  test('opacity is transparency, forbidden in PDF/X-1a', async () => {
    const pdf = await pdfkitPdf((doc) => {
      doc.opacity(0.5).rect(0, 0, 10, 10).fill([0, 0, 0, 100]);
    });
    expect(byId(await preflightPdf(pdf)).transparency).toMatchObject({ status: 'FAIL' });
  });

  test('ink above 240% fails; registration colour (all four at 100%) is exempt', async () => {
    const pdf = await pdfkitPdf((doc) => {
      doc.rect(0, 0, 10, 10).fill([100, 100, 100, 100]);
      doc.rect(20, 0, 10, 10).fill([80, 70, 70, 100]);
    });
    expect(byId(await preflightPdf(pdf))['colour-content']).toMatchObject({
      status: 'FAIL',
      message: 'ink above 240%: page 1: fill colour 320%',
    });
  });

  test('hairlines, tiny type and small multi-ink type warn', async () => {
    const pdf = await pdfkitPdf((doc) => {
      doc.lineWidth(0.1).moveTo(0, 0).lineTo(50, 0).stroke([0, 0, 0, 100]);
      doc
        .font(catalog.files.get('Source Serif 4/400')!)
        .fontSize(5)
        .fillColor([0, 0, 0, 100])
        .text('tiny', 10, 50);
      doc.fontSize(8).fillColor([50, 40, 0, 20]).text('blue', 10, 70);
    });
    const r = byId(await preflightPdf(pdf));
    expect(r['rule-width']).toMatchObject({ status: 'WARN', message: 'page 1: line 0.10 pt' });
    expect(r['text-size']).toMatchObject({
      status: 'WARN',
      message: 'page 1: text at 5.0 pt; page 1: multi-ink text at 8.0 pt',
    });
    expect(r['fonts-embedded']!.status).toBe('PASS');
  });

  test('encryption fails', async () => {
    const pdf = await pdfkitPdf(() => {}, { userPassword: 'x', ownerPassword: 'y' });
    expect(byId(await preflightPdf(pdf)).encryption).toMatchObject({ status: 'FAIL', message: 'encrypted' });
  });

  test('not a PDF, or no file at all', async () => {
    expect(await preflightPdf(Buffer.from('hello'))).toEqual([
      { id: 'file', status: 'FAIL', message: 'not a PDF (no %PDF- header)' },
    ]);
    const missing = await preflightPdf(join(dir, 'nope.pdf'));
    expect(missing[0]).toMatchObject({ id: 'file', status: 'FAIL' });
  });
});

describe('formatPreflight', () => {
  test('a table with one row per check and a summary line', () => {
    const text = formatPreflight(
      [
        { id: 'page-boxes', status: 'PASS', message: 'ok' },
        { id: 'trapped', status: 'WARN', message: 'hmm' },
        { id: 'fonts-embedded', status: 'FAIL', message: 'not embedded: Helvetica' },
      ],
      'A1.pdf',
    );
    expect(text).toBe(
      [
        'STATUS CHECK           DETAILS',
        'PASS   page-boxes      ok',
        'WARN   trapped         hmm',
        'FAIL   fonts-embedded  not embedded: Helvetica',
        '',
        'A1.pdf: preflight FAILED: 1 pass, 1 warn, 1 fail (3 checks)',
      ].join('\n'),
    );
  });
});
