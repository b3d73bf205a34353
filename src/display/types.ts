/**
 * The display list: what layout hands to the backends. Plain, serialisable data (no classes, no
 * functions), positioned in points from the top-left of the trim box. Backends (PDF, preview, trace)
 * are one switch over `DisplayItem['kind']` and never decide a position.
 */
import type { Point, Pt, Rect } from '../layout/geometry.js';

/** Process colours as ink fractions 0..1 (newsprint is CMYK; pure gray pages may use 'gray'). */
export type Color =
  | { space: 'cmyk'; c: number; m: number; y: number; k: number }
  | { space: 'gray'; k: number };

/** Identifies one font face of the catalogue, e.g. "Source Serif 4/400" or "Source Serif 4/400i". */
export type FontKey = string;

export interface DisplayGlyph {
  /** Glyph id in the font file (fontkit numbering: the same file is embedded by the PDF backend). */
  id: number;
  /** Horizontal advance in points, after kerning, tracking and justification. */
  advance: Pt;
  /** Offset from the pen position in points (marks, superscripts); usually 0. */
  dx: Pt;
  dy: Pt;
  /** The characters this glyph stands for (a ligature 'ﬁ' stands for "fi"), for text extraction. */
  chars: string;
}

export interface GlyphsItem {
  kind: 'glyphs';
  /** Pen position of the first glyph on the baseline. */
  x: Pt;
  y: Pt;
  font: FontKey;
  size: Pt;
  color: Color;
  /** Font expansion: horizontal glyph scale (1 = none; 0.98..1.02 at most in body text). */
  hScale?: number;
  glyphs: DisplayGlyph[];
  /** The run's text, for extraction checks and traces. */
  text: string;
}

export interface Stroke {
  width: Pt;
  color: Color;
}

export interface RuleItem {
  kind: 'rule';
  from: Point;
  to: Point;
  width: Pt;
  color: Color;
}

export interface RectItem {
  kind: 'rect';
  rect: Rect;
  fill?: Color;
  stroke?: Stroke;
}

/** A photo placed in a frame: the backend crops `crop` (source pixels) and fits it to `rect`. */
export interface ImageItem {
  kind: 'image';
  rect: Rect;
  /** Absolute path of the source file (resolved at load time). */
  source: string;
  /** The part of the source to show, in source pixels after EXIF orientation. */
  crop: Rect;
  /** Effective resolution of the placed crop, in pixels per inch (for reports and preflight). */
  ppi: number;
}

export type DebugCategory = 'frame' | 'column' | 'baseline' | 'overset' | 'loose' | 'module';

/** Preview overlays; the PDF backend skips them. */
export interface DebugItem {
  kind: 'debug';
  rect: Rect;
  label: string;
  category: DebugCategory;
}

export type DisplayItem = GlyphsItem | RuleItem | RectItem | ImageItem | DebugItem;

export interface PageBoxes {
  /** Everything, marks included, relative to the trim origin (x and y may be negative). */
  media: Rect;
  bleed: Rect;
  trim: Rect;
}

export interface DisplayPage {
  /** Page label as printed in the folio and used in file names, e.g. "A1". */
  label: string;
  /** Trim size in points. */
  width: Pt;
  height: Pt;
  boxes: PageBoxes;
  items: DisplayItem[];
}

export interface DisplayDocument {
  title: string;
  /** ISO date of the edition (yyyy-mm-dd): the PDF's dates derive from it for reproducible output. */
  date: string;
  pages: DisplayPage[];
}
