/**
 * The total-fit breaker as first written (object per active node, a Float64Array of space centres
 * per candidate, O(spaces²) river scoring per candidate), kept as the oracle of the optimised
 * src/text/breakLines.ts: breakLines.equivalence.test.ts checks that both choose the same breaks.
 * Only the penalty lookup was adapted (penalties are kinds in the material now).
 */
import type { Pt } from '../../src/layout/geometry.js';
import type { LineModel } from '../../src/text/breakLines.js';
import {
  type BreakMaterial,
  GLUE,
  lineStart,
  PASS_EMERGENCY,
  PASS_FIRST,
  PASS_HYPHENATE,
  PENALTY,
  penaltyValues,
} from '../../src/text/toBreakMaterial.js';
import type { BreakParams } from '../../src/text/types.js';

interface Active {
  /** Node index of the break (-1: the paragraph start). */
  pos: number;
  /** First box of the line after this break. */
  start: number;
  /** Lines set before this break (the next line is line number `line`). */
  line: number;
  fitness: number;
  total: number;
  /** Hyphenated lines in a row ending at this break. */
  hyph: number;
  prev: Active | null;
  /** Centres of the word spaces of the line ending here (river scoring), or null. */
  spaces: Float64Array | null;
  /** Adjustment ratio of the line ending here. */
  ratio: number;
}

/** Rounding slack on the adjustment ratio: a line that fits at exactly full shrink is feasible. */
const RATIO_EPSILON = 1e-9;
/** Badness of a line with no stretch at all (a lone word in a justified line). */
const UNSET_LINE = 1e7;
/** Extra badness of a line too loose even with the emergency stretch. */
const BEYOND_EMERGENCY = 1e5;

/** TeX's badness: 100 r³, with TeX's cap of 10 000 for anything worse. */
function badness(r: number): number {
  if (!Number.isFinite(r)) return 10_000;
  const a = r < 0 ? -r : r;
  const b = 100 * a * a * a;
  return Math.min(b, 10_000);
}

/** TeX's four fitness classes: tight, decent, loose, very loose. */
function fitnessOf(r: number): number {
  if (r < -0.5) return 0;
  if (r <= 0.5) return 1;
  if (r <= 1) return 2;
  return 3;
}

/** Centres of the word spaces of the line [s, i) set at ratio r, from the line's start. */
function spaceCentres(m: BreakMaterial, s: number, i: number, r: number): Float64Array {
  let count = 0;
  for (let j = s; j < i; j++) if (m.type[j] === GLUE) count++;
  const out = new Float64Array(count);
  const useStretch = r >= 0;
  let k = 0;
  for (let j = s; j < i; j++) {
    if (m.type[j] !== GLUE) continue;
    const before =
      m.sumW[j]! - m.sumW[s]! + r * (useStretch ? m.sumY[j]! - m.sumY[s]! : m.sumZ[j]! - m.sumZ[s]!);
    const own = m.width[j]! + r * (useStretch ? m.stretch[j]! : m.shrink[j]!);
    out[k++] = before + own / 2 - m.protrudeLeft[s]!;
  }
  return out;
}

/**
 * Spaces of the line [s, i) at ratio r stacked on a space of the line above, itself stacked on a
 * space of the line before (no allocation: this runs for every feasible candidate).
 */
function countRivers(
  m: BreakMaterial,
  s: number,
  i: number,
  r: number,
  above: Float64Array,
  twoAbove: Float64Array,
  tol: number,
): number {
  let rivers = 0;
  const useStretch = r >= 0;
  for (let j = s; j < i; j++) {
    if (m.type[j] !== GLUE) continue;
    const before =
      m.sumW[j]! - m.sumW[s]! + r * (useStretch ? m.sumY[j]! - m.sumY[s]! : m.sumZ[j]! - m.sumZ[s]!);
    const x =
      before + (m.width[j]! + r * (useStretch ? m.stretch[j]! : m.shrink[j]!)) / 2 - m.protrudeLeft[s]!;
    search: for (let q = 0; q < above.length; q++) {
      const y = above[q]!;
      if (Math.abs(x - y) >= tol) continue;
      for (let t = 0; t < twoAbove.length; t++) {
        if (Math.abs(y - twoAbove[t]!) < tol) {
          rivers++;
          break search;
        }
      }
    }
  }
  return rivers;
}

interface Pass {
  allowed: number;
  threshold: number;
  emergency: Pt;
  final: boolean;
  relaxHyphens?: boolean;
}

let forcedOverfull = false;

function runPass(m: BreakMaterial, lines: LineModel, params: BreakParams, pass: Pass): number[] | null {
  const penalties = penaltyValues(params);
  const uniformFrom = lines.uniformFrom;
  const actives: Active[] = [
    {
      pos: -1,
      start: lineStart(m, 0),
      line: 0,
      fitness: 1,
      total: 0,
      hyph: 0,
      prev: null,
      spaces: null,
      ratio: 0,
    },
  ];
  const rivers = params.riverDemerits > 0 && m.n > 0;
  const tol = rivers ? riverTolerance(m) : 0;
  const cands: Active[] = [];
  for (let i = 0; i < m.n; i++) {
    if (m.pass[i]! > pass.allowed) continue;
    const isPenalty = m.type[i] === PENALTY;
    const pi = isPenalty ? penalties[m.penaltyKind[i]!]! : 0;
    const isEnd = pi === Number.NEGATIVE_INFINITY;
    const inserts = m.inserts[i]!;
    cands.length = 0;
    let lastDeactivated: Active | null = null;
    let lastRatio = 0;
    for (let k = 0; k < actives.length; ) {
      const a = actives[k]!;
      const s = a.start;
      if (s >= i) {
        k++;
        continue;
      }
      const avail = lines.width(a.line) + m.protrudeRight[i]! + m.protrudeLeft[s]!;
      const natural = m.sumW[i]! - m.sumW[s]! + (isPenalty ? m.width[i]! : 0);
      let r = 0;
      if (natural < avail) {
        if (!isEnd) {
          const y = m.sumY[i]! - m.sumY[s]! + m.raggedStretch;
          r = y > 0 ? (avail - natural) / y : Number.POSITIVE_INFINITY;
        }
      } else if (natural > avail) {
        const z = m.sumZ[i]! - m.sumZ[s]!;
        r = z > 0 ? (avail - natural) / z : Number.NEGATIVE_INFINITY;
      }
      if (r < -1 && r > -1 - RATIO_EPSILON) r = -1;
      if (r < -1 || isEnd) {
        actives.splice(k, 1);
        if (r < -1) {
          lastDeactivated = a;
          lastRatio = r;
        }
      } else k++;
      if (r < -1) continue;
      let b = badness(r);
      if (b > pass.threshold) {
        if (!(pass.final && r > 0)) continue;
        // Final pass: a line too loose for the tolerance is kept, ranked by its real looseness
        // (TeX's cap at 10 000 would make all such lines equal, and TeX's emergency stretch would
        // make every loose line of the paragraph look cheap). Lines within tolerance thanks to
        // the emergency stretch come first; lines beyond even that are a last resort.
        const y = m.sumY[i]! - m.sumY[s]! + m.raggedStretch + pass.emergency;
        const rescued = y > 0 && badness((avail - natural) / y) <= pass.threshold;
        b = (Number.isFinite(r) ? 100 * r * r * r : UNSET_LINE) + (rescued ? 0 : BEYOND_EMERGENCY);
      }
      const hyph = inserts ? a.hyph + 1 : 0;
      // As in the product: the hyphen limit is hard except in the last resort (then it costs 1e14).
      const tooManyHyphens = hyph > params.maxConsecutiveHyphens;
      if (tooManyHyphens && !pass.relaxHyphens) continue;
      let d = params.linePenalty + b;
      d *= d;
      if (tooManyHyphens) d += 1e14;
      if (pi > 0) d += pi * pi;
      else if (pi < 0 && !isEnd) d -= pi * pi;
      const prevFlagged = a.pos >= 0 && m.flagged[a.pos] === 1;
      if (m.flagged[i] && prevFlagged) d += params.doubleHyphenDemerits;
      if (isEnd && prevFlagged) d += params.finalHyphenDemerits;
      if (inserts && lines.bottom(a.line)) d += params.finalHyphenDemerits;
      const fitness = fitnessOf(r);
      if (Math.abs(fitness - a.fitness) > 1) d += params.adjDemerits;
      const rr = Number.isFinite(r) ? r : 0;
      if (rivers && a.spaces && a.prev?.spaces) {
        d += params.riverDemerits * countRivers(m, s, i, rr, a.spaces, a.prev.spaces, tol);
      }
      addCandidate(cands, uniformFrom, i, s, a, fitness, a.total + d, hyph, rr);
    }
    if (pass.final && actives.length === 0 && cands.length === 0 && lastDeactivated) {
      // TeX's artificial demerits: nothing fits, so this line is set overfull.
      forcedOverfull = true;
      const a = lastDeactivated;
      const s = a.start;
      cands.push({
        pos: i,
        start: s,
        line: a.line + 1,
        fitness: fitnessOf(lastRatio),
        total: a.total,
        hyph: inserts ? a.hyph + 1 : 0,
        prev: a,
        spaces: null,
        ratio: -1,
      });
    }
    for (const c of cands) {
      // Space centres of the candidate's own line, for the river score of the lines after it.
      if (rivers) c.spaces = spaceCentres(m, c.start, i, c.ratio);
      c.start = lineStart(m, i + 1);
      actives.push(c);
    }
    if (actives.length === 0) return null;
  }
  let best: Active | null = null;
  for (const a of actives) if (a.pos === m.n - 1 && (!best || a.total < best.total)) best = a;
  if (!best) return null;
  const breaks: number[] = [];
  for (let a: Active | null = best; a && a.pos >= 0; a = a.prev) breaks.push(a.pos);
  return breaks.reverse();
}

/**
 * Keeps the best candidate per (line class, fitness, hyphen run); candidates are fresh objects of
 * this breakpoint (not yet active), so a better one overwrites a worse one in place.
 */
function addCandidate(
  cands: Active[],
  uniformFrom: number,
  pos: number,
  start: number,
  prev: Active,
  fitness: number,
  total: number,
  hyph: number,
  ratio: number,
): void {
  const line = prev.line + 1;
  const cl = Math.min(line, uniformFrom);
  for (let k = 0; k < cands.length; k++) {
    const o = cands[k]!;
    if (Math.min(o.line, uniformFrom) === cl && o.fitness === fitness && o.hyph === hyph) {
      if (total < o.total) {
        o.start = start;
        o.line = line;
        o.total = total;
        o.prev = prev;
        o.ratio = ratio;
      }
      return;
    }
  }
  cands.push({ pos, start, line, fitness, total, hyph, prev, spaces: null, ratio });
}

/** Two spaces are stacked when their centres are closer than a natural word space. */
function riverTolerance(m: BreakMaterial): number {
  for (let j = 0; j < m.n; j++) if (m.type[j] === GLUE) return m.width[j]!;
  return 0;
}

/**
 * The optimal breaks of a paragraph: node indices of each line's ending break, the last being the
 * paragraph's end. Empty material gives no lines.
 */
export function referenceBreakLines(m: BreakMaterial, lines: LineModel, params: BreakParams): number[] {
  if (m.n === 0) return [];
  if (params.pretolerance >= 0) {
    const first = runPass(m, lines, params, {
      allowed: PASS_FIRST,
      threshold: params.pretolerance,
      emergency: 0,
      final: false,
    });
    if (first) return first;
  }
  const second = runPass(m, lines, params, {
    allowed: PASS_HYPHENATE,
    threshold: params.tolerance,
    emergency: 0,
    final: false,
  });
  if (second) return second;
  const last: Pass = {
    allowed: PASS_EMERGENCY,
    threshold: params.tolerance,
    emergency: params.emergencyStretch,
    final: true,
  };
  forcedOverfull = false;
  const third = runPass(m, lines, params, last);
  if (!forcedOverfull) return third ?? [m.n - 1];
  return runPass(m, lines, params, { ...last, relaxHyphens: true }) ?? third ?? [m.n - 1];
}
