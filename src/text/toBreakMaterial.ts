/**
 * The breaker's view of a prepared paragraph: flat typed arrays (kind, width, stretch, shrink,
 * penalty, prefix sums) so the inner loop of the total-fit search touches no objects. Words wider
 * than the narrowest line are also split into characters here, as breaks of the last resort.
 */
import type { Pt } from '../layout/geometry.js';
import { CHAR_BREAK_PENALTY, RAGGED_STRETCH_EM } from './breakParams.js';
import type { BoxNode, PenaltyKind, PreparedText, TextNode } from './nodes.js';
import type { BreakParams } from './types.js';

export const BOX = 0;
export const GLUE = 1;
export const PENALTY = 2;
/** The pass from which a break point is allowed (NEVER: not a break point). */
export const PASS_FIRST = 0;
export const PASS_HYPHENATE = 1;
export const PASS_EMERGENCY = 2;
export const NEVER = 255;

export interface BreakMaterial {
  readonly nodes: readonly TextNode[];
  readonly n: number;
  readonly type: Uint8Array;
  readonly width: Float64Array;
  readonly stretch: Float64Array;
  readonly shrink: Float64Array;
  readonly penalty: Float64Array;
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
  /** Ragged alignments: every line gets this fixed stretch instead of justification. */
  readonly ragged: boolean;
  readonly raggedStretch: Pt;
}

function splitBox(b: BoxNode, out: TextNode[]): void {
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

function penaltyOf(kind: PenaltyKind, params: BreakParams): number {
  switch (kind) {
    case 'hyphen':
    case 'soft':
      return params.hyphenPenalty;
    case 'explicit':
    case 'url':
      return params.exHyphenPenalty;
    case 'char':
      return CHAR_BREAK_PENALTY;
    case 'end':
      return Number.NEGATIVE_INFINITY;
  }
}

const PASS_OF: Record<PenaltyKind, number> = {
  hyphen: PASS_HYPHENATE,
  soft: PASS_FIRST,
  explicit: PASS_FIRST,
  url: PASS_FIRST,
  char: PASS_EMERGENCY,
  end: PASS_FIRST,
};

/** `narrowest`: the smallest line width the paragraph may meet (boxes wider are split). */
export function toBreakMaterial(p: PreparedText, params: BreakParams, narrowest: Pt): BreakMaterial {
  let nodes = p.nodes;
  if (nodes.some((x) => x.type === 'box' && x.width > narrowest && x.glyphs.length > 1)) {
    const out: TextNode[] = [];
    for (const x of nodes) {
      if (x.type === 'box' && x.width > narrowest && x.glyphs.length > 1) splitBox(x, out);
      else out.push(x);
    }
    nodes = out;
  }
  const n = nodes.length;
  const type = new Uint8Array(n);
  const width = new Float64Array(n);
  const stretch = new Float64Array(n);
  const shrink = new Float64Array(n);
  const penalty = new Float64Array(n);
  const flagged = new Uint8Array(n);
  const inserts = new Uint8Array(n);
  const pass = new Uint8Array(n).fill(NEVER);
  const protrudeLeft = new Float64Array(n);
  const protrudeRight = new Float64Array(n);
  const sumW = new Float64Array(n + 1);
  const sumY = new Float64Array(n + 1);
  const sumZ = new Float64Array(n + 1);
  const wordOf = new Int32Array(n);
  let word = p.dropCap?.ownWord ? 0 : -1;
  for (let i = 0; i < n; i++) {
    const x = nodes[i]!;
    if (x.type === 'box' && x.wordStart) word++;
    wordOf[i] = word;
    const prev = i > 0 ? nodes[i - 1] : undefined;
    if (x.type === 'box') {
      type[i] = BOX;
      width[i] = x.width;
      stretch[i] = x.stretch;
      shrink[i] = x.shrink;
      protrudeLeft[i] = x.protrudeLeft;
    } else if (x.type === 'glue') {
      type[i] = GLUE;
      width[i] = x.width;
      stretch[i] = x.stretch;
      shrink[i] = x.shrink;
      if (x.breakable && prev?.type === 'box') {
        pass[i] = PASS_FIRST;
        protrudeRight[i] = prev.protrudeRight;
      }
    } else {
      type[i] = PENALTY;
      width[i] = x.width;
      penalty[i] = penaltyOf(x.kind, params);
      pass[i] = PASS_OF[x.kind];
      flagged[i] = x.kind === 'hyphen' || x.kind === 'soft' || x.kind === 'explicit' ? 1 : 0;
      inserts[i] = x.hyphen ? 1 : 0;
      protrudeRight[i] = x.hyphen ? x.hyphen.protrude : prev?.type === 'box' ? prev.protrudeRight : 0;
    }
    const counts = x.type !== 'penalty';
    sumW[i + 1] = sumW[i]! + (counts ? width[i]! : 0);
    sumY[i + 1] = sumY[i]! + (counts ? stretch[i]! : 0);
    sumZ[i + 1] = sumZ[i]! + (counts ? shrink[i]! : 0);
  }
  const ragged = p.align !== 'justify';
  return {
    nodes,
    n,
    type,
    width,
    stretch,
    shrink,
    penalty,
    flagged,
    inserts,
    pass,
    protrudeLeft,
    protrudeRight,
    sumW,
    sumY,
    sumZ,
    wordOf,
    ragged,
    raggedStretch: ragged ? RAGGED_STRETCH_EM * p.size : 0,
  };
}

/** Index of the first box at or after `from` (where a line starting after a break begins), or n. */
export function lineStart(m: BreakMaterial, from: number): number {
  let s = from;
  while (s < m.n && m.type[s] !== BOX) s++;
  return s;
}
