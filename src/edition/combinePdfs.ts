/**
 * The combined edition PDF: the page PDFs concatenated in page order with pdf-lib. The first page's
 * document is the base, so its PDF/X output intent and Info carry over (its header version too: 1.3
 * for PDF/X-1a, which pdf-lib's writer would turn into 1.7); each later page is copied in with its
 * boxes, fonts and images. Page files are read one at a time.
 */
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';

export async function combinePdfs(files: readonly string[], title: string): Promise<Uint8Array> {
  if (files.length === 0) throw new Error('no pages to combine');
  const first = await readFile(files[0]!);
  const base = await PDFDocument.load(first, { updateMetadata: false });
  const header = /^%PDF-\d\.\d/.exec(first.subarray(0, 8).toString('latin1'))?.[0];
  for (const file of files.slice(1)) {
    const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const pages = await base.copyPages(doc, doc.getPageIndices());
    for (const page of pages) base.addPage(page);
  }
  base.setTitle(title);
  const bytes = await base.save({ useObjectStreams: false, updateFieldAppearances: false });
  // Same length, so no offset moves; no object or xref streams are written (useObjectStreams: false).
  if (header) bytes.set(Buffer.from(header, 'latin1'), 0);
  return bytes;
}
