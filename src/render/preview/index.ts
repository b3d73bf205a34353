/** The preview backend: a page as SVG or PNG drawn from the display list, and the contact sheet. */

export { toRgb } from './previewColor.js';
export { DEFAULT_PREVIEW_DPI, type PreviewFrame, previewFrame, toPreviewPx } from './previewFrame.js';
export { createPreviewImageCache, type PreviewImageCache } from './previewImages.js';
export { OVERLAY_STYLES, OVERLAYS, type PreviewOverlay, resolveOverlays } from './previewOverlays.js';
export {
  type ContactSheetOptions,
  type ContactSheetPage,
  layoutContactSheet,
  renderContactSheet,
  type SheetCell,
  type SheetLayout,
} from './renderContactSheet.js';
export {
  createPreviewRasterCache,
  type PreviewPngOptions,
  type PreviewRasterCache,
  renderPreviewPng,
} from './renderPreviewPng.js';
export { type PreviewSvgOptions, renderPreviewSvg } from './renderPreviewSvg.js';
export { renderSideBySide } from './renderSideBySide.js';
