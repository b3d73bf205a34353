/**
 * Screen colours for the preview. Newsprint inks are CMYK; the preview converts them with the
 * naive formula (r = 1 - min(1, c + k) style, here multiplicative: r = (1 - c)(1 - k)), which is
 * wrong for print proofing but right enough to see a page. No ICC profile on purpose: it is fast
 * and the PDF, not the preview, is the colour proof.
 */
import type { Color } from '../../display/types.js';

export type Rgb = readonly [number, number, number];

const clamp01 = (v: number) => Math.max(0, Math.min(1, v));

export function toRgb(color: Color): Rgb {
  if (color.space === 'gray') {
    const v = Math.round(255 * (1 - clamp01(color.k)));
    return [v, v, v];
  }
  const k = 1 - clamp01(color.k);
  return [
    Math.round(255 * (1 - clamp01(color.c)) * k),
    Math.round(255 * (1 - clamp01(color.m)) * k),
    Math.round(255 * (1 - clamp01(color.y)) * k),
  ];
}

export function rgbHex(rgb: Rgb): string {
  return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export function toCssColor(color: Color): string {
  return rgbHex(toRgb(color));
}
