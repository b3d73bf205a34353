/**
 * The combined edition PDF: the page PDFs concatenated in page order with pdf-lib. The first page's
 * document is the base, so its PDF/X output intent, XMP and Info carry over; each later page is
 * copied in with its boxes, fonts and images. Page files are read one at a time.
 */
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';

export async function combinePdfs(files: readonly string[]): Promise<Uint8Array> {
  if (files.length === 0) throw new Error('no pages to combine');
  const base = await PDFDocument.load(await readFile(files[0]!), { updateMetadata: false });
  for (const file of files.slice(1)) {
    const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const pages = await base.copyPages(doc, doc.getPageIndices());
    for (const page of pages) base.addPage(page);
  }
  return base.save({ useObjectStreams: false, updateFieldAppearances: false });
}
