/**
 * Breaks a prepared paragraph into lines for the given slots and sets them: the composition of
 * toBreakMaterial → a breaker (total-fit by default) → justifyLines. `setLinesWith` builds the same
 * function around another breaker (the greedy one, for comparisons).
 */
import type { Pt } from '../layout/geometry.js';
import { breakLines, type LineModel } from './breakLines.js';
import { resolveBreakParams } from './breakParams.js';
import { justifyLines, type LineGeometry } from './justifyLines.js';
import { asPreparedText, type PreparedText } from './nodes.js';
import { type BreakMaterial, plainMaterial, toBreakMaterial } from './toBreakMaterial.js';
import type { BreakParams, LineSlots, PreparedParagraph, SetLine } from './types.js';

export type Breaker = (m: BreakMaterial, lines: LineModel, params: BreakParams) => number[];

/** Lines a paragraph may need at most, to bound the search for the narrowest slot. */
function estimateLines(p: PreparedText, plain: BreakMaterial, first: Pt): number {
  const natural = plain.sumW[plain.n]!;
  const boxes = plain.boxCount;
  const byWidth = first > 0 ? Math.ceil((2 * natural) / first) : boxes;
  return Math.min(boxes + 1, byWidth + (p.dropCap?.lines ?? 0) + 2);
}

export function setLinesWith(breaker: Breaker) {
  return (prepared: PreparedParagraph, slots: LineSlots, params?: Partial<BreakParams>): SetLine[] => {
    const p = asPreparedText(prepared);
    if (p.nodes.length === 0) return [];
    const full = resolveBreakParams(params);
    const cap = p.dropCap;
    const indent = (i: number): Pt => (cap && i < cap.lines ? cap.indent : 0);
    const geometry: LineGeometry = {
      width: (i) => Math.max(0, slots.width(i) - indent(i)),
      measure: (i) => slots.width(i),
      offset: indent,
    };
    // Probe the slots as far as the paragraph can reach: the narrowest line (for splitting
    // over-wide words) and the line from which all lines are alike (for merging active nodes).
    const probe = estimateLines(p, plainMaterial(p), geometry.width(0));
    const widths: Pt[] = [];
    const bottoms: boolean[] = [];
    let narrowest = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= probe; i++) {
      widths.push(geometry.width(i));
      bottoms.push(slots.columnBottom?.(i) ?? false);
      narrowest = Math.min(narrowest, widths[i]!);
    }
    let uniformFrom = probe;
    while (
      uniformFrom > 0 &&
      widths[uniformFrom - 1] === widths[probe] &&
      bottoms[uniformFrom - 1] === bottoms[probe]
    ) {
      uniformFrom--;
    }
    const lines: LineModel = {
      width: (i) => (i <= probe ? widths[i]! : geometry.width(i)),
      bottom: (i) => (i <= probe ? bottoms[i]! : (slots.columnBottom?.(i) ?? false)),
      uniformFrom,
    };
    const m = toBreakMaterial(p, narrowest);
    const breaks = breaker(m, lines, full);
    return justifyLines(p, m, breaks, geometry, full);
  };
}

/** Total-fit line breaking and justification of a prepared paragraph. */
export const setLines: (
  prepared: PreparedParagraph,
  slots: LineSlots,
  params?: Partial<BreakParams>,
) => SetLine[] = setLinesWith(breakLines);
