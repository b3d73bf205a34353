/**
 * The preview as SVG, drawn from the same display list as the PDF: glyph runs as outlines from
 * the real fonts (each used glyph defined once per font in <defs> and <use>d per occurrence),
 * rules, rectangles, photos as data URIs, and the requested debug overlays on top.
 * Coordinates stay in points (the viewBox does the scaling, see previewFrame.ts).
 */
import type {
  DebugCategory,
  DebugItem,
  DisplayItem,
  DisplayPage,
  FontKey,
  GlyphsItem,
  ImageItem,
} from '../../display/types.js';
import type { Rect } from '../../layout/geometry.js';
import { toCssColor } from './previewColor.js';
import { fontForKey, glyphPathData } from './previewFonts.js';
import { type PreviewFrame, previewFrame } from './previewFrame.js';
import { loadPreviewImage, type PreviewImageCache } from './previewImages.js';
import { OVERLAY_STYLES, type PreviewOverlay, resolveOverlays } from './previewOverlays.js';

export interface PreviewSvgOptions {
  fontFiles: ReadonlyMap<FontKey, string>;
  /** Overlays to draw: `--show` names ('grid', 'baselines', 'frames', 'overset', 'loose') or categories. */
  show?: readonly (PreviewOverlay | DebugCategory)[];
  /** Resolution of the pixel size written in the SVG (the viewBox is in points); default 50. */
  dpi?: number;
  /** Grey pasteboard and bleed around the white trim (default true); false paints everything white. */
  pasteboard?: boolean;
  /** Decoded photos (default: a module-level LRU). */
  imageCache?: PreviewImageCache;
}

/** Pasteboard outside the bleed, bleed area, page. */
const PASTEBOARD = '#cfcfcf';
const BLEED = '#e9e9e9';
const PAPER = '#ffffff';
const MISSING_IMAGE = '#b0b0b0';

export async function renderPreviewSvg(page: DisplayPage, options: PreviewSvgOptions): Promise<string> {
  const frame = previewFrame(page, options.dpi);
  const images = await loadImages(page, frame, options.imageCache);
  return buildPreviewSvg(page, frame, { ...options, images, glyphs: true, graphics: true });
}

export interface SvgParts {
  fontFiles: ReadonlyMap<FontKey, string>;
  show?: readonly (PreviewOverlay | DebugCategory)[];
  pasteboard?: boolean;
  images: ReadonlyMap<ImageItem, string | undefined>;
  /** Paper, pasteboard and bleed (default: same as `graphics`). */
  paper?: boolean;
  /** Non-text items. */
  graphics: boolean;
  /** The items to draw (default: all of the page's). */
  items?: readonly DisplayItem[];
  /** Glyph runs. */
  glyphs: boolean;
}

/** Decodes every photo of the page at its on-screen pixel size (in parallel; cached). */
export async function loadImages(
  page: DisplayPage,
  frame: PreviewFrame,
  cache?: PreviewImageCache,
): Promise<Map<ImageItem, string | undefined>> {
  const list = page.items.filter((i): i is ImageItem => i.kind === 'image');
  const uris = await Promise.all(
    list.map((item) => {
      const w = Math.max(1, Math.round(item.rect.width * frame.scale));
      const h = Math.max(1, Math.round(item.rect.height * frame.scale));
      return loadPreviewImage(item, w, h, cache);
    }),
  );
  return new Map(list.map((item, i) => [item, uris[i]]));
}

/** Builds the SVG text of the chosen parts (used whole by renderPreviewSvg, in layers by the PNG). */
export function buildPreviewSvg(page: DisplayPage, frame: PreviewFrame, parts: SvgParts): string {
  const out: string[] = [];
  const defs = new Map<string, string>();
  const vb = frame.viewBox;
  if (parts.paper ?? parts.graphics) {
    const board = parts.pasteboard === false ? PAPER : PASTEBOARD;
    out.push(rect(vb, `fill="${board}"`));
    if (parts.pasteboard !== false) out.push(rect(page.boxes.bleed, `fill="${BLEED}"`));
    out.push(rect(page.boxes.trim, `fill="${PAPER}"`));
  }
  for (const item of parts.items ?? page.items) {
    switch (item.kind) {
      case 'glyphs':
        if (parts.glyphs) out.push(glyphRun(item, parts.fontFiles, defs));
        break;
      case 'rule':
        if (parts.graphics)
          out.push(
            `<line x1="${n(item.from.x)}" y1="${n(item.from.y)}" x2="${n(item.to.x)}" y2="${n(item.to.y)}" stroke="${toCssColor(item.color)}" stroke-width="${n(item.width)}"/>`,
          );
        break;
      case 'rect':
        if (parts.graphics) {
          const fill = item.fill ? `fill="${toCssColor(item.fill)}"` : 'fill="none"';
          const stroke = item.stroke
            ? ` stroke="${toCssColor(item.stroke.color)}" stroke-width="${n(item.stroke.width)}"`
            : '';
          out.push(rect(item.rect, fill + stroke));
        }
        break;
      case 'image':
        if (parts.graphics) out.push(image(item, parts.images.get(item)));
        break;
      case 'debug':
        break;
    }
  }
  const overlays = resolveOverlays(parts.show);
  if (overlays.size > 0) {
    const debug = page.items.filter((i): i is DebugItem => i.kind === 'debug' && overlays.has(i.category));
    for (const item of debug) out.push(overlay(item, frame));
  }
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${frame.widthPx}" height="${frame.heightPx}" viewBox="${n(vb.x)} ${n(vb.y)} ${n(vb.width)} ${n(vb.height)}">`;
  const defsText = defs.size > 0 ? `<defs>${[...defs.values()].join('')}</defs>` : '';
  return `${head}${defsText}${out.join('')}</svg>`;
}

/**
 * One run: a group in font units (scale size/unitsPerEm, hScale on x, y flipped) placed at the
 * pen; each glyph a <use> at its pen offset. Advances are final points (hScale scales outlines only).
 * `dx`/`dy` are display offsets (dy > 0 moves down).
 */
function glyphRun(
  item: GlyphsItem,
  fontFiles: ReadonlyMap<FontKey, string>,
  defs: Map<string, string>,
): string {
  const font = fontForKey(fontFiles, item.font);
  const s = item.size / font.unitsPerEm;
  const sx = s * (item.hScale ?? 1);
  let pen = 0;
  let uses = '';
  for (const g of item.glyphs) {
    const id = `${font.id}-${g.id}`;
    let has = defs.has(id);
    if (!has) {
      const d = glyphPathData(font, g.id);
      if (d !== '') {
        defs.set(id, `<path id="${id}" d="${d}"/>`);
        has = true;
      }
    }
    if (has) {
      const x = Math.round(((pen + g.dx) / sx) * 10) / 10;
      const y = g.dy === 0 ? 0 : Math.round((-g.dy / s) * 10) / 10;
      uses += `<use xlink:href="#${id}" x="${x}"${y === 0 ? '' : ` y="${y}"`}/>`;
    }
    pen += g.advance;
  }
  if (uses === '') return '';
  return `<g fill="${toCssColor(item.color)}" transform="matrix(${sx} 0 0 ${-s} ${n(item.x)} ${n(item.y)})">${uses}</g>`;
}

function image(item: ImageItem, uri: string | undefined): string {
  if (uri === undefined) {
    const r = item.rect;
    const cross = `M${n(r.x)} ${n(r.y)}L${n(r.x + r.width)} ${n(r.y + r.height)}M${n(r.x + r.width)} ${n(r.y)}L${n(r.x)} ${n(r.y + r.height)}`;
    return `${rect(r, `fill="${MISSING_IMAGE}"`)}<path d="${cross}" stroke="#ff0000" stroke-width="1"/>`;
  }
  const r = item.rect;
  return `<image x="${n(r.x)}" y="${n(r.y)}" width="${n(r.width)}" height="${n(r.height)}" preserveAspectRatio="none" xlink:href="${uri}"/>`;
}

function overlay(item: DebugItem, frame: PreviewFrame): string {
  const style = OVERLAY_STYLES[item.category];
  const sw = n((style.strokePx ?? 1) / frame.scale);
  const stroke = style.stroke
    ? ` stroke="${style.stroke}" stroke-opacity="${style.strokeOpacity ?? 1}" stroke-width="${sw}"${
        style.dash
          ? ` stroke-dasharray="${style.dash
              .split(' ')
              .map((v) => n(Number(v) / frame.scale))
              .join(' ')}"`
          : ''
      }`
    : '';
  const r = item.rect;
  if (style.shape === 'baseline') {
    const y = n(r.y + r.height);
    return `<line x1="${n(r.x)}" y1="${y}" x2="${n(r.x + r.width)}" y2="${y}"${stroke}/>`;
  }
  const fill = style.fill ? `fill="${style.fill}" fill-opacity="${style.fillOpacity ?? 1}"` : 'fill="none"';
  return rect(r, fill + stroke);
}

function rect(r: Rect, attrs: string): string {
  return `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(Math.max(0, r.width))}" height="${n(Math.max(0, r.height))}" ${attrs}/>`;
}

/** Numbers in SVG: 0.001 pt is far below a pixel at any preview dpi. */
function n(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}
