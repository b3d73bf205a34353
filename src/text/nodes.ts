/**
 * The Knuth-Plass material of a prepared paragraph: boxes (shaped text), glue (word spaces) and
 * penalties (break opportunities inside words). Widths are in points at the style's size and do
 * not depend on the measure, so one prepared paragraph can be broken at many widths.
 */
import type { Color } from '../display/types.js';
import type { Pt } from '../layout/geometry.js';
import type { BreakKind } from './segmentWord.js';
import type { BreakMaterial } from './toBreakMaterial.js';
import type { Alignment, FontKey, PreparedParagraph, ShapedGlyph } from './types.js';

export interface BoxNode {
  readonly type: 'box';
  readonly font: FontKey;
  readonly size: Pt;
  readonly color: Color;
  /** Shaped glyphs in em (shared with the shaper's cache: never mutate). Empty for an indent. */
  readonly glyphs: readonly ShapedGlyph[];
  readonly text: string;
  /** Natural width, tracking included. */
  readonly width: Pt;
  /** Style tracking in em, added to every glyph's advance. */
  readonly tracking: number;
  /** Glyph scaling allowed to the breaker (fraction) and letter-spacing (em per glyph). */
  readonly expansion: number;
  readonly letterSpace: number;
  /**
   * Tracking and letter-spacing go between grapheme clusters, not glyphs (complex scripts shaped
   * by HarfBuzz: a Khmer cluster's coeng and vowels stay on their base). Absent: per glyph.
   */
  readonly clusterSpaced?: true;
  /** What expansion and letter-spacing give the breaker, in points. */
  readonly stretch: Pt;
  readonly shrink: Pt;
  /**
   * Whether a word starts with this box (words are numbered by counting these; an indent box is
   * no word). Boxes hold no paragraph-specific data, so they are shared between paragraphs.
   */
  readonly wordStart: boolean;
  /** How far the box may hang into the left / right margin when it starts / ends a line. */
  readonly protrudeLeft: Pt;
  readonly protrudeRight: Pt;
}

export interface GlueNode {
  readonly type: 'glue';
  readonly width: Pt;
  readonly stretch: Pt;
  readonly shrink: Pt;
  /** False for a no-break space (after an honorific, between a number and its unit). */
  readonly breakable: boolean;
}

export interface HyphenGlyphs {
  readonly font: FontKey;
  readonly size: Pt;
  readonly color: Color;
  readonly glyphs: readonly ShapedGlyph[];
  readonly tracking: number;
  readonly protrude: Pt;
}

export type PenaltyKind = BreakKind | 'char' | 'end';

export interface PenaltyNode {
  readonly type: 'penalty';
  readonly kind: PenaltyKind;
  /** Width added at the end of the line when the break is taken (the inserted hyphen). */
  readonly width: Pt;
  /** The inserted hyphen, for kinds 'hyphen' and 'soft'. */
  readonly hyphen?: HyphenGlyphs;
}

export type TextNode = BoxNode | GlueNode | PenaltyNode;

export interface DropCap {
  readonly text: string;
  readonly font: FontKey;
  readonly size: Pt;
  readonly color: Color;
  readonly glyphs: readonly ShapedGlyph[];
  /** Advance of the cap plus the gap to the text: the first `lines` lines are this much narrower. */
  readonly indent: Pt;
  readonly lines: number;
  /** Baseline offset of the cap below the first line's baseline. */
  readonly dy: Pt;
  /** The cap is a whole word ("A"), not the start of one ("T" of "The"). */
  readonly ownWord: boolean;
}

/** What prepareParagraph returns: the public PreparedParagraph with its material typed. */
export interface PreparedText extends PreparedParagraph {
  readonly nodes: readonly TextNode[];
  /** Each word's text (no soft hyphens), by index. */
  readonly words: readonly string[];
  readonly align: Alignment;
  /** Size of the text, for ragged-right stretch (em-based). */
  readonly size: Pt;
  readonly dropCap?: DropCap;
  /**
   * The nodes as flat typed arrays with prefix sums, for the breaker: independent of the measure
   * and of the break parameters, built once here and shared by every setLines call.
   */
  readonly material?: BreakMaterial;
}

export function asPreparedText(p: PreparedParagraph): PreparedText {
  if (!('words' in p) || !('align' in p))
    throw new Error('setLines: paragraph was not made by prepareParagraph');
  return p as PreparedText;
}
