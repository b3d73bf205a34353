/** Display colours to PDF operators. Everything is DeviceCMYK (gray becomes K only): one ink model. */
import type { Color } from '../../display/types.js';
import { num } from './contentOps.js';

export type Cmyk = readonly [c: number, m: number, y: number, k: number];

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

export function toCmyk(color: Color): Cmyk {
  if (color.space === 'gray') return [0, 0, 0, clamp01(color.k)];
  return [clamp01(color.c), clamp01(color.m), clamp01(color.y), clamp01(color.k)];
}

/** Non-stroking (fill) colour operator: `c m y k k`. */
export function fillColorOp(color: Color): string {
  return `${toCmyk(color)
    .map((v) => num(v))
    .join(' ')} k`;
}

/** Stroking colour operator: `c m y k K`. */
export function strokeColorOp(color: Color): string {
  return `${toCmyk(color)
    .map((v) => num(v))
    .join(' ')} K`;
}

/** Solid black on the K plate only: this overprints (no knockout, so no white halo when plates shift). */
export function isPureBlack(color: Color): boolean {
  const [c, m, y, k] = toCmyk(color);
  return c === 0 && m === 0 && y === 0 && k >= 0.999;
}

/** Total area coverage in percent (C+M+Y+K). */
export function totalAreaCoverage(color: Color): number {
  return toCmyk(color).reduce((a, b) => a + b, 0) * 100;
}

/** Marks on every plate: 100% of all four inks (only ever outside the trim). */
export const REGISTRATION: Color = { space: 'cmyk', c: 1, m: 1, y: 1, k: 1 };
export const BLACK: Color = { space: 'cmyk', c: 0, m: 0, y: 0, k: 1 };

/**
 * Rich black for large solid areas (100 K alone prints a washed-out dark grey on newsprint):
 * C40 M30 Y30 K100 = 200% TAC, under the 240% limit with room for misregistration.
 */
export const RICH_BLACK: Color = { space: 'cmyk', c: 0.4, m: 0.3, y: 0.3, k: 1 };
