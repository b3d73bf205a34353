/**
 * The breaker's view of a prepared paragraph: flat typed arrays (kind, width, stretch, shrink,
 * penalty, prefix sums) so the inner loop of the total-fit search touches no objects. Words wider
 * than the narrowest line are also split into characters here, as breaks of the last resort.
 * The material depends neither on the measure nor on the break parameters (penalties are kept as
 * kinds, valued by the breaker from its parameters), so prepareParagraph builds it once and every
 * later call shares it: callers must treat its arrays as read-only.
 */

import type { Pt } from '../layout/geometry.js';
import { CHAR_BREAK_PENALTY, RAGGED_STRETCH_EM } from './breakParams.js';
import type { BoxNode, PenaltyKind, PreparedText, TextNode } from './nodes.js';
import { allowsLetterSpacing } from './scripts.js';
import type { BreakParams } from './types.js';

export const BOX = 0;
export const GLUE = 1;
export const PENALTY = 2;
/** The pass from which a break point is allowed (NEVER: not a break point). */
export const PASS_FIRST = 0;
export const PASS_HYPHENATE = 1;
export const PASS_EMERGENCY = 2;
export const NEVER = 255;
/** Penalty kinds: none (glue, boxes), hyphenation, explicit hyphen or URL, character split, paragraph end. */
export const PK_NONE = 0;
export const PK_HYPHEN = 1;
export const PK_EXPLICIT = 2;
export const PK_CHAR = 3;
export const PK_END = 4;

export interface BreakMaterial {
  readonly nodes: readonly TextNode[];
  readonly n: number;
  readonly type: Uint8Array;
  readonly width: Float64Array;
  readonly stretch: Float64Array;
  readonly shrink: Float64Array;
  /** What a break here costs, as a kind (PK_*): the breaker values it from its parameters. */
  readonly penaltyKind: Uint8Array;
  /** Flagged break (a line ending with a hyphen or dash), for doubleHyphenDemerits. */
  readonly flagged: Uint8Array;
  /** The break inserts a hyphen (a hyphenated line). */
  readonly inserts: Uint8Array;
  readonly pass: Uint8Array;
  /** Protrusion gained when a line starts at this box / ends at this break. */
  readonly protrudeLeft: Float64Array;
  readonly protrudeRight: Float64Array;
  /** Prefix sums over nodes [0, k) of width, stretch, shrink (penalties contribute nothing). */
  readonly sumW: Float64Array;
  readonly sumY: Float64Array;
  readonly sumZ: Float64Array;
  /** Index of the word each node belongs to (-1 before the first word). */
  readonly wordOf: Int32Array;
  /** First box at or after each node (n if none): where a line starting after a break begins. */
  readonly nextBox: Int32Array;
  /** The glue nodes in order, and how many of them come before each node (n + 1 entries). */
  readonly glues: Int32Array;
  readonly glueRank: Int32Array;
  /** Boxes in the material, and the widest box that could be split into characters (0: none). */
  readonly boxCount: number;
  readonly widestSplittable: Pt;
  /** Ragged alignments: every line gets this fixed stretch instead of justification. */
  readonly ragged: boolean;
  readonly raggedStretch: Pt;
}

function splitBox(b: BoxNode, out: TextNode[]): void {
  // Glyphs of a complex script are not characters (a coeng, a reordered vowel): such a box is
  // never split; a word of it wider than the measure is set overfull and reported.
  if (!allowsLetterSpacing(b.text)) {
    out.push(b);
    return;
  }
  for (let i = 0; i < b.glyphs.length; i++) {
    const g = b.glyphs[i]!;
    if (i > 0) out.push({ type: 'penalty', kind: 'char', width: 0 });
    const width = (g.advance + b.tracking) * b.size;
    const give = width * b.expansion + b.letterSpace * b.size;
    out.push({
      ...b,
      glyphs: [g],
      text: g.chars,
      width,
      stretch: give,
      shrink: give,
      wordStart: b.wordStart && i === 0,
      protrudeLeft: i === 0 ? b.protrudeLeft : 0,
      protrudeRight: i === b.glyphs.length - 1 ? b.protrudeRight : 0,
    });
  }
}

const KIND_OF: Record<PenaltyKind, number> = {
  hyphen: PK_HYPHEN,
  soft: PK_HYPHEN,
  explicit: PK_EXPLICIT,
  url: PK_EXPLICIT,
  // Dictionary word boundaries are glue, not penalties (prepareParagraph); listed for completeness.
  word: PK_NONE,
  char: PK_CHAR,
  end: PK_END,
};

/** The value of each penalty kind (indexed by PK_*) under the given parameters. */
export function penaltyValues(params: Pick<BreakParams, 'hyphenPenalty' | 'exHyphenPenalty'>): Float64Array {
  const out = new Float64Array(5);
  out[PK_HYPHEN] = params.hyphenPenalty;
  out[PK_EXPLICIT] = params.exHyphenPenalty;
  out[PK_CHAR] = CHAR_BREAK_PENALTY;
  out[PK_END] = Number.NEGATIVE_INFINITY;
  return out;
}

const PASS_OF: Record<PenaltyKind, number> = {
  hyphen: PASS_HYPHENATE,
  soft: PASS_FIRST,
  explicit: PASS_FIRST,
  url: PASS_FIRST,
  word: PASS_FIRST,
  char: PASS_EMERGENCY,
  end: PASS_FIRST,
};

/** What the material is built from: the paragraph's nodes and the few facts it needs besides. */
export type MaterialSource = Pick<PreparedText, 'nodes' | 'align' | 'size' | 'dropCap'>;

/** Split variants already built (paragraphs with a word wider than some line), per paragraph. */
const splitMemo = new WeakMap<PreparedText, { narrowest: Pt; material: BreakMaterial }>();
/** Materials of paragraphs not made by prepareParagraph (which builds its own). */
const plainMemo = new WeakMap<PreparedText, BreakMaterial>();

/** The material of a prepared paragraph with no word split into characters. */
export function plainMaterial(p: PreparedText): BreakMaterial {
  if (p.material) return p.material;
  let m = plainMemo.get(p);
  if (!m) {
    m = buildMaterial(p, p.nodes);
    plainMemo.set(p, m);
  }
  return m;
}

/**
 * A word piece wider than this share of the narrowest line is also split into characters: a piece
 * that only just fits cannot take the hyphen after it, and the line would run over its measure.
 */
const SPLIT_SHARE = 0.9;

/** `narrowest`: the smallest line width the paragraph may meet (boxes wider are split). */
export function toBreakMaterial(p: PreparedText, lineWidth: Pt): BreakMaterial {
  const narrowest = lineWidth * SPLIT_SHARE;
  const plain = plainMaterial(p);
  if (!(plain.widestSplittable > narrowest)) return plain;
  const memo = splitMemo.get(p);
  if (memo?.narrowest === narrowest) return memo.material;
  const out: TextNode[] = [];
  for (const x of p.nodes) {
    if (x.type === 'box' && x.width > narrowest && x.glyphs.length > 1) splitBox(x, out);
    else out.push(x);
  }
  const material = buildMaterial(p, out);
  splitMemo.set(p, { narrowest, material });
  return material;
}

/** Builds the flat material of a paragraph's nodes (`nodes` may differ from `p.nodes` by splits). */
export function buildMaterial(p: MaterialSource, nodes: readonly TextNode[]): BreakMaterial {
  const n = nodes.length;
  // One buffer for all the arrays (views into it): one allocation instead of sixteen.
  const buffer = new ArrayBuffer(8 * (8 * n + 3) + 4 * (4 * n + 1) + 5 * n);
  let at = 0;
  const floats = (len: number): Float64Array => {
    const a = new Float64Array(buffer, at, len);
    at += 8 * len;
    return a;
  };
  const ints = (len: number): Int32Array => {
    const a = new Int32Array(buffer, at, len);
    at += 4 * len;
    return a;
  };
  const bytes = (len: number): Uint8Array => {
    const a = new Uint8Array(buffer, at, len);
    at += len;
    return a;
  };
  const width = floats(n);
  const stretch = floats(n);
  const shrink = floats(n);
  const protrudeLeft = floats(n);
  const protrudeRight = floats(n);
  const sumW = floats(n + 1);
  const sumY = floats(n + 1);
  const sumZ = floats(n + 1);
  const wordOf = ints(n);
  const nextBox = ints(n);
  const glueRank = ints(n + 1);
  const glueSlots = ints(n);
  const type = bytes(n);
  const penaltyKind = bytes(n);
  const flagged = bytes(n);
  const inserts = bytes(n);
  const pass = bytes(n).fill(NEVER);
  let boxCount = 0;
  let widestSplittable = 0;
  let word = p.dropCap?.ownWord ? 0 : -1;
  let boxRight = 0;
  for (let i = 0; i < n; i++) {
    const x = nodes[i]!;
    if (x.type === 'box' && x.wordStart) word++;
    wordOf[i] = word;
    // The box before this node, if it is one (its protrusion counts when the line ends here).
    const afterBox = i > 0 && type[i - 1] === BOX;
    if (x.type === 'box') {
      type[i] = BOX;
      width[i] = x.width;
      stretch[i] = x.stretch;
      shrink[i] = x.shrink;
      protrudeLeft[i] = x.protrudeLeft;
      boxRight = x.protrudeRight;
      boxCount++;
      if (x.glyphs.length > 1 && x.width > widestSplittable && allowsLetterSpacing(x.text))
        widestSplittable = x.width;
    } else if (x.type === 'glue') {
      type[i] = GLUE;
      width[i] = x.width;
      stretch[i] = x.stretch;
      shrink[i] = x.shrink;
      if (x.breakable && afterBox) {
        pass[i] = PASS_FIRST;
        protrudeRight[i] = boxRight;
      }
    } else {
      type[i] = PENALTY;
      width[i] = x.width;
      penaltyKind[i] = KIND_OF[x.kind];
      pass[i] = PASS_OF[x.kind];
      flagged[i] = x.kind === 'hyphen' || x.kind === 'soft' || x.kind === 'explicit' ? 1 : 0;
      inserts[i] = x.hyphen ? 1 : 0;
      protrudeRight[i] = x.hyphen ? x.hyphen.protrude : afterBox ? boxRight : 0;
    }
    const counts = x.type !== 'penalty';
    sumW[i + 1] = sumW[i]! + (counts ? width[i]! : 0);
    sumY[i + 1] = sumY[i]! + (counts ? stretch[i]! : 0);
    sumZ[i + 1] = sumZ[i]! + (counts ? shrink[i]! : 0);
  }
  let next = n;
  for (let i = n - 1; i >= 0; i--) {
    if (type[i] === BOX) next = i;
    nextBox[i] = next;
  }
  let g = 0;
  for (let i = 0; i < n; i++) {
    glueRank[i] = g;
    if (type[i] === GLUE) glueSlots[g++] = i;
  }
  glueRank[n] = g;
  const glues = glueSlots.subarray(0, g);
  const ragged = p.align !== 'justify';
  return {
    nodes,
    n,
    type,
    width,
    stretch,
    shrink,
    penaltyKind,
    flagged,
    inserts,
    pass,
    protrudeLeft,
    protrudeRight,
    sumW,
    sumY,
    sumZ,
    wordOf,
    nextBox,
    glues,
    glueRank,
    boxCount,
    widestSplittable,
    ragged,
    raggedStretch: ragged ? RAGGED_STRETCH_EM * p.size : 0,
  };
}

/** Index of the first box at or after `from` (where a line starting after a break begins), or n. */
export function lineStart(m: BreakMaterial, from: number): number {
  return from < m.n ? m.nextBox[from]! : from;
}
