/**
 * The text engine's contract with the rest of galley. Everything here is plain data; fonts reach
 * the engine only through `Shaper`, so tests can inject a fake font with exact widths.
 */
import type { Color, DisplayGlyph, FontKey } from '../display/types.js';
import type { Pt } from '../layout/geometry.js';

export type { FontKey };

/** Vertical metrics of a face, in em (fractions of the font size). */
export interface FontMetrics {
  ascender: number;
  /** Negative below the baseline. */
  descender: number;
  capHeight: number;
  xHeight: number;
}

/** One shaped glyph in em units (multiply by the font size for points). */
export interface ShapedGlyph {
  id: number;
  advance: number;
  dx: number;
  dy: number;
  chars: string;
}

/** OpenType features by tag, e.g. { liga: true, onum: true, smcp: false }. */
export type FeatureSet = Readonly<Record<string, boolean>>;

/**
 * Shapes text in one face. Implementations cache by (font, features, text); the real one wraps
 * fontkit fonts opened once at load time, the fake one in tests gives every glyph a fixed width.
 */
export interface Shaper {
  shape(text: string, font: FontKey, features?: FeatureSet): readonly ShapedGlyph[];
  metrics(font: FontKey): FontMetrics;
  /** Whether the face has a glyph for this code point (for fallback and missing-glyph reports). */
  hasChar(font: FontKey, codePoint: number): boolean;
}

export type Alignment = 'justify' | 'left' | 'center' | 'right';

/** A paragraph style with every value resolved (no inheritance left), sizes in points. */
export interface TextStyle {
  font: FontKey;
  /** Faces used for inline emphasis inside this style. */
  italicFont: FontKey;
  boldFont: FontKey;
  boldItalicFont: FontKey;
  /**
   * For each face of the style, the faces tried in order for a character it has no glyph for (the
   * style's other families at the same weight and slant). Absent: no fallback.
   */
  fallbacks?: Readonly<Record<FontKey, readonly FontKey[]>>;
  size: Pt;
  leading: Pt;
  color: Color;
  align: Alignment;
  /** Letter-spacing in em added after every glyph (tracking). */
  tracking: number;
  /** First-line indent in points (the flow decides when it applies). */
  indent: Pt;
  /** Word space in em of the font size: the justification's minimum, ideal and maximum. */
  wordSpace: { min: number; ideal: number; max: number };
  hyphenate: boolean;
  /** Hyphenation minimums as in TeX: word length, letters before and after the break. */
  hyphenMinWord: number;
  hyphenMinLeft: number;
  hyphenMinRight: number;
  /** Whether capitalised words (proper names) may be hyphenated. */
  hyphenateCapitalized: boolean;
  features: FeatureSet;
  /** Upper-case the text (kickers, bylines) before shaping. */
  uppercase: boolean;
  /** Font expansion allowed to the breaker, as a fraction (0.02 = glyphs may scale 98%..102%). */
  expansion: number;
  /** Extra letter-spacing allowed to the breaker, in em per glyph, as stretch and shrink. */
  letterSpace: number;
  /** Hang punctuation and hyphens into the margin (optical margin alignment). */
  protrusion: boolean;
  /** Drop cap over this many lines (0 = none). */
  dropCapLines: number;
}

/** Inline emphasis inside a paragraph. */
export interface InlineRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
}

export interface ParagraphInput {
  runs: readonly InlineRun[];
  style: TextStyle;
  /** BCP 47 language of the article ("en-US", "de", ...), for hyphenation patterns. */
  language: string;
  /** Apply the first-line indent (false after a heading and at the top of a story). */
  indentFirstLine: boolean;
}

/** Tuning of the line breaker; TeX names, defaults and their reasons live in text/breakParams.ts. */
export interface BreakParams {
  tolerance: number;
  /** Tolerance for the first pass, without hyphenation (TeX's pretolerance); < 0 skips the pass. */
  pretolerance: number;
  linePenalty: number;
  hyphenPenalty: number;
  exHyphenPenalty: number;
  doubleHyphenDemerits: number;
  finalHyphenDemerits: number;
  adjDemerits: number;
  /** Extra stretch, in points, for a last pass over paragraphs that cannot be set within tolerance. */
  emergencyStretch: Pt;
  /** Demerits per stack of word spaces aligned over three or more lines (rivers). */
  riverDemerits: number;
  /** Adjustment ratio beyond which a line is reported as loose. */
  looseThreshold: number;
  /** Most hyphenated lines in a row (a hard limit, like InDesign's hyphen limit; TeX has none). */
  maxConsecutiveHyphens: number;
  /**
   * TeX's \looseness: lines more (or fewer, if negative) than the optimum, when a breaking within
   * the tolerance has them; otherwise the optimum. Never honoured by the last-resort pass.
   */
  looseness: number;
}

/**
 * Where each line goes: the width available to line i (0-based) of this paragraph, and whether
 * line i is the last of its column (a hyphen there costs `finalHyphenDemerits`). Widths vary line
 * by line where a pull quote, photo or drop cap cuts into the measure.
 */
export interface LineSlots {
  width(line: number): Pt;
  /** True when line i is the last line of its column (absent: no line is). */
  columnBottom?(line: number): boolean;
}

/**
 * A glyph run placed on a line, x relative to the line's left edge. Glyph advances are final
 * (kerning, tracking, letter-spacing and expansion included); `hScale` only tells the backend how
 * much to scale the glyph outlines horizontally.
 */
export interface LineRun {
  x: Pt;
  font: FontKey;
  size: Pt;
  color: Color;
  hScale: number;
  /** Baseline offset from the line's baseline, positive downwards (a drop cap sits N-1 lines lower). */
  dy: Pt;
  glyphs: DisplayGlyph[];
  text: string;
}

/** One set line: runs positioned and justified, ready for the flow to place at a baseline. */
export interface SetLine {
  runs: LineRun[];
  /** The measure this line was set to. */
  width: Pt;
  /** Adjustment ratio of the line (TeX's r): 0 perfect, 1 full stretch, -1 full shrink. */
  ratio: number;
  hyphenated: boolean;
  /** Wider than its measure even at full shrink: reported, never hidden. */
  overfull: boolean;
  loose: boolean;
  /** The words begun on this line, in order (a hyphenated word counts on the line it starts on). */
  words: string[];
  /** Last line of the paragraph. */
  last: boolean;
  /** What went wrong on this line, e.g. a word split at a character because no break fitted. */
  warnings?: string[];
}

/** A paragraph turned into width-independent material: break it many times at different widths. */
export interface PreparedParagraph {
  readonly input: ParagraphInput;
  /** Opaque to callers: the box/glue/penalty list and what justification needs. */
  readonly nodes: readonly unknown[];
  readonly wordCount: number;
  /** Problems met while preparing (missing glyphs and their fallbacks, unknown language, ...). */
  readonly warnings: readonly string[];
}

export interface Engines {
  prepare(input: ParagraphInput, shaper: Shaper): PreparedParagraph;
  setLines(paragraph: PreparedParagraph, slots: LineSlots, params?: Partial<BreakParams>): SetLine[];
}
