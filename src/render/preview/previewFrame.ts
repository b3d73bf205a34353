/**
 * The preview's one coordinate mapping, shared by the SVG, the PNG and any test that compares the
 * preview with the rasterised PDF: 1 pt = dpi/72 px, origin at the top-left of the media box.
 * Display coordinates are relative to the trim origin, so a point (x, y) lands on pixel
 * ((x - media.x) * dpi/72, (y - media.y) * dpi/72). The pixel size is the media size rounded to
 * whole pixels; the SVG viewBox is widened by that rounding (< 1 px) so the scale stays exact.
 */
import type { DisplayPage } from '../../display/types.js';
import type { Pt, Rect } from '../../layout/geometry.js';

/**
 * 50 dpi: a 12.5 x 21.5 in broadsheet (with 0.125 in bleed) becomes about 640 x 1090 px, a whole
 * page at once on a laptop screen, where 9 pt body text is 6 px high: the grey of the text and the
 * shape of the page are what an editor checks. Use --dpi 100-150 to read the words.
 */
export const DEFAULT_PREVIEW_DPI = 50;

export interface PreviewFrame {
  dpi: number;
  /** Pixels per point: dpi / 72. */
  scale: number;
  /** Image size in pixels. */
  widthPx: number;
  heightPx: number;
  /** The viewBox in points (display coordinates): exactly widthPx x heightPx at `scale`. */
  viewBox: Rect;
}

export function previewFrame(page: DisplayPage, dpi: number = DEFAULT_PREVIEW_DPI): PreviewFrame {
  if (!(dpi > 0) || !Number.isFinite(dpi))
    throw new RangeError(`preview dpi must be a positive number, got ${dpi}`);
  const scale = dpi / 72;
  const { media } = page.boxes;
  const widthPx = Math.max(1, Math.round(media.width * scale));
  const heightPx = Math.max(1, Math.round(media.height * scale));
  return {
    dpi,
    scale,
    widthPx,
    heightPx,
    viewBox: { x: media.x, y: media.y, width: widthPx / scale, height: heightPx / scale },
  };
}

/** A display point in (fractional) preview pixels. */
export function toPreviewPx(frame: PreviewFrame, x: Pt, y: Pt): { x: number; y: number } {
  return { x: (x - frame.viewBox.x) * frame.scale, y: (y - frame.viewBox.y) * frame.scale };
}
