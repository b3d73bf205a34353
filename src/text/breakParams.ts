/**
 * The line breaker's parameters, with TeX's names, declared once with their defaults and why.
 * Demerits follow TeX: (linePenalty + badness)² + penalty² per line, plus the extras below.
 */
import type { BreakParams } from './types.js';

export const DEFAULT_BREAK_PARAMS: Readonly<BreakParams> = Object.freeze({
  /**
   * Narrow newspaper columns (25-35 characters) leave few feasible breaks; TeX's 200 forces too
   * many emergency passes there. Font expansion and letter-spacing add stretch, so a badness of 400
   * (r ≈ 1.59) still gives visibly even spaces.
   */
  tolerance: 400,
  /** TeX's plain value: a paragraph that sets well without hyphens is not hyphenated at all. */
  pretolerance: 100,
  /** TeX's plain value: prefers fewer lines only mildly against better spacing. */
  linePenalty: 10,
  /** Slightly under TeX's 50: newspaper columns need hyphens, and expansion makes them rarer anyway. */
  hyphenPenalty: 40,
  /** A break after a hyphen or dash written by the author costs like a hyphenation (TeX: 50). */
  exHyphenPenalty: 50,
  /** TeX's value: two hyphenated lines in a row are strongly discouraged. */
  doubleHyphenDemerits: 10_000,
  /** TeX's value: a hyphen before the last line, or at the foot of a column, makes the reader turn mid-word. */
  finalHyphenDemerits: 5_000,
  /** TeX's value: avoids a very loose line next to a tight one (visually incompatible lines). */
  adjDemerits: 10_000,
  /** About one body em: enough to rescue paragraphs in a 128 pt column without producing gaping lines. */
  emergencyStretch: 10,
  /** Per word space stacked over three lines: a river costs about as much as a double hyphen. */
  riverDemerits: 3_000,
  /** r > 1 means word spaces beyond their maximum: the line is reported as loose. */
  looseThreshold: 1,
  /** House rule of most newspapers (and the project's bar): never three hyphens in a row. */
  maxConsecutiveHyphens: 2,
  /** TeX's \looseness: 0 sets the optimum; page makeup asks for +1 or -1 to fill a column. */
  looseness: 0,
});

/** The full parameter set: the defaults overridden by the given values. */
export function resolveBreakParams(params?: Partial<BreakParams>): BreakParams {
  return { ...DEFAULT_BREAK_PARAMS, ...params };
}

/**
 * Penalty for splitting a word at an arbitrary character (emergency pass only, for words wider
 * than the measure): dearer than any hyphenation, cheaper than an overfull line.
 */
export const CHAR_BREAK_PENALTY = 1_000;

/**
 * Stretch of a ragged line, in em of the text size (TeX's \raggedright uses 2 em; a little more
 * keeps captions balanced without forcing hyphens).
 */
export const RAGGED_STRETCH_EM = 3;
