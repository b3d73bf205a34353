/**
 * House ads: what a desk puts in a hole it cannot fill by deadline, the paper's own promotion.
 * Page makeup gives one the largest white rectangle its stories leave (held stories, too little
 * copy) and makes the page up again around it; pagination does the same on the pages it makes.
 */
import { coveredCells, largestFreeRect } from './largestFreeRect.js';
import type { GridRect } from './types.js';

/** A house ad shallower than this is not worth a frame: the white stays and is reported. */
export const MIN_HOUSE_LINES = 4;
/** House ads a page may take. */
export const HOUSE_ADS = 2;

/**
 * The paper a house ad promotes: the edition's (or budget's) newspaper, else the template's
 * folio name, else the edition's name. One rule for the ad's label and the typeset ad.
 */
export function houseAdPaper(
  newspaper: string | undefined,
  templateNewspaper: string | undefined,
  name: string,
): string {
  return newspaper || templateNewspaper || name;
}

export function houseAdLabel(newspaper: string): string {
  return `House advertisement: ${newspaper}`;
}

/**
 * Where a house ad goes on a page whose modules and ads cover `taken`: the largest free
 * rectangle, when it is deep enough to frame and holds at least half of the page's free cells
 * (a scatter of slivers is the search's to fix, not an ad's); none when the page is covered.
 */
export function houseAdGap(columns: number, lines: number, taken: readonly GridRect[]): GridRect | undefined {
  const gap = largestFreeRect(columns, lines, taken);
  if (!gap || gap.depth < MIN_HOUSE_LINES) return undefined;
  return gap.columns * gap.depth * 2 >= freeCells(columns, lines, taken) ? gap : undefined;
}

/** Grid cells no module or ad covers. */
export function freeCells(columns: number, lines: number, taken: readonly GridRect[]): number {
  let free = 0;
  for (const c of coveredCells(columns, lines, taken)) if (c === 0) free++;
  return free;
}
