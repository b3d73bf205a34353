/**
 * Regression tests for the pdfkit 0.20.2 internals galley relies on (see pdfkitInternals.ts). If a
 * pdfkit upgrade breaks one of these, fix pdfx.ts / drawGlyphs.ts before anything else.
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, test } from 'vitest';
import { currentEmbeddedFont, internals } from '../../../src/render/pdf/pdfkitInternals.js';
import { pdfName } from '../../../src/render/pdf/pdfx.js';
import { catalog } from './sampleDocument.js';

const finish = (doc: PDFKit.PDFDocument) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });

describe('pdfkit 0.20.2 internals', () => {
  test('the pinned version is installed', () => {
    const pkg = JSON.parse(readFileSync('node_modules/pdfkit/package.json', 'utf8')) as { version: string };
    expect(pkg.version).toBe('0.20.2');
  });

  test('font: null loads no default font; the catalog, ID and page dictionaries are reachable', () => {
    const doc = internals(new PDFDocument({ font: null, autoFirstPage: false } as never));
    expect(doc._font).toBeNull();
    expect(doc._root.data.Type).toBe('Catalog');
    expect(doc._id).toBeInstanceOf(Uint8Array);
    doc.addPage({ size: [100, 100], margin: 0 });
    expect(doc.page.dictionary.data.MediaBox).toEqual([0, 0, 100, 100]);
    expect(doc.page.dictionary.data.UserUnit).toBe(1);
    expect(typeof doc.page.ext_gstates).toBe('object');
    expect(typeof doc.page.fonts).toBe('object');
  });

  test('an embedded TTF exposes its fontkit font, subset, widths and unicode tables', () => {
    const doc = internals(new PDFDocument({ font: null } as never));
    doc.font(catalog.files.get('Source Serif 4/400')!);
    const font = currentEmbeddedFont(doc, 'test');
    expect(font.font.unitsPerEm).toBeGreaterThan(0);
    expect(font.subset.includeGlyph(font.font.layout('A').glyphs[0]!.id)).toBe(1);
    expect(font.widths[0]).toBeGreaterThan(0);
    expect(font.unicode[0]).toEqual([0]);
    expect(font.scale).toBeCloseTo(1000 / font.font.unitsPerEm);
  });

  test('Info values: strings become PDF strings, our name object is written as a name', async () => {
    const doc = new PDFDocument({
      font: null,
      info: { Title: 'T', Trapped: pdfName('False'), CreationDate: new Date(0) },
    } as never);
    const bytes = (await finish(doc)).toString('latin1');
    expect(bytes).toMatch(/obj\n\/False\nendobj/);
    expect(bytes).toMatch(/obj\n\(T\)\nendobj/);
  });

  test('pdfkit writes no XMP packet for PDF 1.3 and calls a replaced metadata object at the end', async () => {
    const doc = internals(new PDFDocument({ font: null, pdfVersion: '1.6' } as never));
    doc.metadata = { append() {}, end() {}, getXML: () => '<x/>', getLength: () => 4 };
    const bytes = (await finish(doc)).toString('latin1');
    expect(bytes).toContain('<x/>');
    const plain = (await finish(new PDFDocument({ font: null } as never))).toString('latin1');
    expect(plain).not.toContain('/Metadata');
  });
});
