/**
 * Lengths at the input edge. Files may give a number (points) or a string with a unit:
 * "12.5in", "315mm", "3.5cm", "9.5pt", or picas "3p6" (3 picas 6 points). Inside the pipeline
 * everything is points.
 */
import type { Pt } from '../layout/geometry.js';

const PER_UNIT: Record<string, number> = { pt: 1, in: 72, mm: 72 / 25.4, cm: 72 / 2.54, px: 0.75 };
const LENGTH = /^\s*(-?\d+(?:\.\d+)?)\s*(pt|in|mm|cm|px)?\s*$/;
const PICAS = /^\s*(\d+)p(\d+(?:\.\d+)?)?\s*$/;

/** Points for a length, or undefined when the text is not a length. */
export function parseLength(value: number | string): Pt | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const picas = PICAS.exec(value);
  if (picas) return Number(picas[1]) * 12 + Number(picas[2] ?? 0);
  const m = LENGTH.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * (PER_UNIT[m[2] ?? 'pt'] ?? 1);
}

export function ptToMm(pt: Pt): number {
  return (pt * 25.4) / 72;
}
