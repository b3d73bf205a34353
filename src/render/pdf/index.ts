export { BLACK, REGISTRATION, RICH_BLACK } from './colors.js';
export type { PdfStandard } from './pdfx.js';
export {
  type PdfImageOptions,
  type PdfOptions,
  pageBoxes,
  renderPdf,
  resolveCreationDate,
} from './renderPdf.js';
export { writeFileAtomic } from './writeFileAtomic.js';
