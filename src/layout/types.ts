/**
 * What layout produces: every element of a page placed, plus the fit report. Plain data; the
 * display list is built from it (display/toDisplayPage.ts).
 */
import type { Color, DebugCategory } from '../display/types.js';
import type { SetLine } from '../text/types.js';
import type { Point, Pt, Rect } from './geometry.js';

/** A set line placed with its left edge at x and its baseline at y. */
export interface PlacedLine {
  x: Pt;
  y: Pt;
  line: SetLine;
}

export type PlacedElement =
  | { kind: 'lines'; lines: PlacedLine[] }
  | { kind: 'rule'; from: Point; to: Point; width: Pt; color: Color }
  | { kind: 'rect'; rect: Rect; fill?: Color; stroke?: { width: Pt; color: Color } }
  | { kind: 'photo'; rect: Rect; source: string; crop: Rect; ppi: number }
  | { kind: 'debug'; rect: Rect; label: string; category: DebugCategory };

export interface PhotoReport {
  file: string;
  /** Effective resolution at the placed size, pixels per inch. */
  ppi: number;
  placed: boolean;
}

export interface StoryReport {
  article: string;
  headline: string;
  /** Module as columns x grid lines, e.g. "4 col x 80 lines at col 1, line 12". */
  module: string;
  linesSet: number;
  /** Body lines that did not fit (and are not continued on another page). */
  oversetLines: number;
  /** The first word that did not fit, when there is overset. */
  oversetFrom?: string;
  /** Lines continued on another page through a jump. */
  jumpedLines: number;
  /** Grid lines of the module left empty at the bottom of its columns. */
  emptyLines: number;
  hyphenatedLines: number;
  looseLines: number;
  overfullLines: number;
  /** Words of the body placed on this page. */
  wordsPlaced: number;
  wordsTotal: number;
  photos: PhotoReport[];
  warnings: string[];
}

export interface PageReport {
  page: string;
  template: string;
  stories: StoryReport[];
  warnings: string[];
  /** Stories page makeup had no room for: on no page of this run, never dropped silently. */
  held?: { article: string; headline: string; reason: string }[];
  /** The made-up page's score, term by term (docs/MAKEUP.md). */
  makeup?: { score: Record<string, number>; total: number };
}

export interface PageLayout {
  label: string;
  width: Pt;
  height: Pt;
  bleed: Pt;
  elements: PlacedElement[];
  report: PageReport;
}
