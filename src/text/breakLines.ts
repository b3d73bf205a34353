/**
 * galley's total-fit line breaker (Knuth & Plass 1981, as in TeX's §813-890), on the flat
 * material of toBreakMaterial. What it adds to TeX:
 * - line widths vary line by line (`width(line)`), so active nodes are kept per line number;
 * - boxes carry stretch and shrink (font expansion and letter-spacing, pdfTeX style): they enter
 *   the adjustment ratio with the word spaces, so spaces vary less;
 * - protrusion: a line may hang its last hyphen or punctuation and its first opening quote into the
 *   margins, so the width available to a line depends on where it starts and ends;
 * - a hard limit on consecutive hyphenated lines (`maxConsecutiveHyphens`), as an extra state of
 *   active nodes (so the optimum under the limit is found, not a greedy repair);
 * - rivers: each candidate line remembers the centres of its word spaces; a space that sits
 *   within one space width of a space of the previous line, which in turn sits within one space
 *   width of a space of the line before, costs `riverDemerits`. Because only the best path into
 *   each active node is kept, this is an approximation (the river term is path dependent), but a
 *   cheap one: each break node keeps the spaces of its line that already stack on the line above
 *   (usually none), so a candidate line is compared with those only.
 * - the final pass never fails: loose lines beyond tolerance are accepted (reported loose), and
 *   when no line fits at all, the line is set overfull from the last active node (TeX's artificial
 *   demerits). Words wider than the narrowest line were already split into characters, usable
 *   only in this pass.
 * - a beam on line counts: at each break only the 16 cheapest line counts are kept apart (TeX keeps
 *   them all up to last_special_line). The equivalence test shows the same breaks as keeping all
 *   on random and corpus paragraphs; what it bounds is a paragraph of thousands of words, or the
 *   last pass, which would otherwise keep every line count from one word a line up.
 * Passes: pretolerance without hyphenation, tolerance with hyphenation, then the final pass with
 * the character splits, where lines beyond tolerance are allowed: those within tolerance with
 * `emergencyStretch` first, ranked by their real badness, then the rest.
 *
 * Speed: the layout breaks each paragraph many times (keeps, balancing, floats), so the search
 * allocates nothing per candidate. Break nodes live in a struct of typed arrays (a workspace reused
 * from call to call, never visible outside), the active list is an index array compacted in place,
 * and a line's natural width, stretch and shrink come from the material's prefix sums in O(1).
 */
import type { Pt } from '../layout/geometry.js';
import { BreakWorkspace } from './BreakWorkspace.js';
import {
  type BreakMaterial,
  GLUE,
  PASS_EMERGENCY,
  PASS_FIRST,
  PASS_HYPHENATE,
  PENALTY,
  penaltyValues,
} from './toBreakMaterial.js';
import type { BreakParams } from './types.js';

/** The lines a paragraph is broken into, as the breaker sees them. */
export interface LineModel {
  /** Width available to line i. */
  width(line: number): Pt;
  /** Whether line i is the last of its column. */
  bottom(line: number): boolean;
  /**
   * From this line on, every line has the same width and bottom flag (TeX's last_special_line):
   * active nodes that differ only in their line number beyond it are merged, which keeps the active
   * list small (without it, long paragraphs grow the list by one class per possible line count).
   */
  uniformFrom: number;
}

/**
 * Line counts kept apart at one break at most (a beam): the cheapest classes by their best
 * demerits so far. Without it the last pass, where any loose line is allowed, keeps every line
 * count from one word a line up, and a paragraph of thousands of words keeps hundreds even
 * within tolerance: the active list, and the time, grow with the square of its length.
 */
const MAX_LINE_CLASSES = 16;

/** Rounding slack on the adjustment ratio: a line that fits at exactly full shrink is feasible. */
const RATIO_EPSILON = 1e-9;
/** Badness of a line with no stretch at all (a lone word in a justified line). */
const UNSET_LINE = 1e7;
/** Extra badness of a line too loose even with the emergency stretch. */
const BEYOND_EMERGENCY = 1e5;
/** Demerits of a line past the hyphen limit (last pass only): worse than any loose line. */
const HYPHEN_LIMIT_BROKEN = 1e14;
/** Node kinds read in the hot loop, as module constants (imported bindings cost a lookup in some loaders). */
const KIND_GLUE: number = GLUE;
const KIND_PENALTY: number = PENALTY;

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

/**
 * The workspace shared by successive calls. A call that finds it busy (a line model calling the
 * breaker from its callbacks) gets its own, so sharing is never observable.
 */
let shared: BreakWorkspace | null = null;

interface Pass {
  allowed: number;
  threshold: number;
  emergency: Pt;
  final: boolean;
  /** Last resort only: the limit on consecutive hyphens gives way (at a price) to avoid overfull lines. */
  relaxHyphens?: boolean;
}

/** Set by a pass that had to set a line overfull (TeX's artificial demerits). */
let forcedOverfull = false;
/** Lines more (or fewer) than the optimum that the last pass's looseness obtained. */
let lastLooseness = 0;

/**
 * The word-space centres of node c's line, measured from the line's start, computed on first use
 * (a node from which no feasible line is ever set needs none).
 */
function ensureSpaces(ws: BreakWorkspace, m: BreakMaterial, c: number): void {
  if (ws.spaceDone[c] === 1) return;
  ws.spaceDone[c] = 1;
  const s = ws.lineFrom[c]!;
  const i = ws.pos[c]!;
  const r = ws.ratio[c]!;
  const glues = m.glues;
  const g0 = m.glueRank[s]!;
  const g1 = m.glueRank[i]!;
  const count = g1 - g0;
  ws.reservePool(count);
  const pool = ws.pool;
  const at = ws.poolUsed;
  const sumW = m.sumW;
  const useStretch = r >= 0;
  const sums = useStretch ? m.sumY : m.sumZ;
  const give = useStretch ? m.stretch : m.shrink;
  const left = m.protrudeLeft[s]!;
  let k = at;
  for (let g = g0; g < g1; g++) {
    const j = glues[g]!;
    const before = sumW[j]! - sumW[s]! + r * (sums[j]! - sums[s]!);
    const own = m.width[j]! + r * give[j]!;
    pool[k++] = before + own / 2 - left;
  }
  ws.spaceAt[c] = at;
  ws.spaceCount[c] = count;
  ws.poolUsed = k;
}

/**
 * The spaces of node c's line within `tol` of a space of the line above (none when the line above
 * is the paragraph's first): the only ones a line below can stack a river on. Computed on first use.
 */
function ensureStack(ws: BreakWorkspace, m: BreakMaterial, c: number, tol: number): void {
  if (ws.stackDone[c] === 1) return;
  ws.stackDone[c] = 1;
  const above = ws.prev[c]!;
  ws.stackCount[c] = 0;
  if (above <= 0) return;
  ensureSpaces(ws, m, above);
  ensureSpaces(ws, m, c);
  const count = ws.spaceCount[c]!;
  ws.reservePool(count);
  const pool = ws.pool;
  const at = ws.spaceAt[c]!;
  const from = ws.spaceAt[above]!;
  const to = from + ws.spaceCount[above]!;
  let stacked = ws.poolUsed;
  ws.stackAt[c] = stacked;
  for (let q = at; q < at + count; q++) {
    const x = pool[q]!;
    for (let t = from; t < to; t++) {
      if (Math.abs(x - pool[t]!) < tol) {
        pool[stacked++] = x;
        break;
      }
    }
  }
  ws.stackCount[c] = stacked - ws.stackAt[c]!;
  ws.poolUsed = stacked;
}

/**
 * Spaces of the line [s, i) at ratio r stacked on a space of the line above that itself stacks on
 * the line before (the above node's stacked spaces).
 */
function countRivers(
  ws: BreakWorkspace,
  m: BreakMaterial,
  s: number,
  i: number,
  r: number,
  above: number,
  tol: number,
): number {
  const pool = ws.pool;
  const from = ws.stackAt[above]!;
  const to = from + ws.stackCount[above]!;
  const glues = m.glues;
  const g1 = m.glueRank[i]!;
  const sumW = m.sumW;
  const useStretch = r >= 0;
  const sums = useStretch ? m.sumY : m.sumZ;
  const give = useStretch ? m.stretch : m.shrink;
  const left = m.protrudeLeft[s]!;
  let rivers = 0;
  for (let g = m.glueRank[s]!; g < g1; g++) {
    const j = glues[g]!;
    const before = sumW[j]! - sumW[s]! + r * (sums[j]! - sums[s]!);
    const x = before + (m.width[j]! + r * give[j]!) / 2 - left;
    for (let q = from; q < to; q++) {
      if (Math.abs(x - pool[q]!) < tol) {
        rivers++;
        break;
      }
    }
  }
  return rivers;
}

function runPass(
  ws: BreakWorkspace,
  m: BreakMaterial,
  lines: LineModel,
  params: BreakParams,
  penalties: Float64Array,
  pass: Pass,
): number[] | null {
  const n = m.n;
  const uniformFrom = lines.uniformFrom;
  const { type, penaltyKind, inserts, flagged, protrudeLeft, protrudeRight, sumW, sumY, sumZ, nextBox } = m;
  const passOf = m.pass;
  const widthOf = m.width;
  const raggedStretch = m.raggedStretch;
  const { allowed, threshold, emergency, final } = pass;
  const {
    linePenalty,
    doubleHyphenDemerits,
    finalHyphenDemerits,
    adjDemerits,
    riverDemerits,
    maxConsecutiveHyphens,
  } = params;
  const rivers = riverDemerits > 0 && n > 0;
  // Looseness needs every line count kept apart (TeX sets easy_line to the maximum for it).
  const looseness = final ? 0 : params.looseness;
  const mergeFrom = looseness === 0 ? uniformFrom : Number.MAX_SAFE_INTEGER;
  const tol = rivers ? riverTolerance(m) : 0;

  // The paragraph start.
  ws.count = 1;
  ws.poolUsed = 0;
  ws.pos[0] = -1;
  ws.start[0] = nextBox[0]!;
  ws.line[0] = 0;
  ws.fitness[0] = 1;
  ws.hyph[0] = 0;
  ws.prev[0] = -1;
  ws.flagged[0] = 0;
  ws.lineWidth[0] = lines.width(0);
  ws.lineBottom[0] = lines.bottom(0) ? 1 : 0;
  ws.total[0] = 0;
  ws.lineFrom[0] = 0;
  ws.ratio[0] = 0;
  ws.spaceDone[0] = 1;
  ws.spaceAt[0] = 0;
  ws.spaceCount[0] = 0;
  ws.stackDone[0] = 1;
  ws.stackAt[0] = 0;
  ws.stackCount[0] = 0;
  ws.active[0] = 0;
  ws.activeCount = 1;

  for (let i = 0; i < n; i++) {
    if (passOf[i]! > allowed) continue;
    const isPenalty = type[i] === KIND_PENALTY;
    const pi = penalties[penaltyKind[i]!]!;
    const isEnd = pi === Number.NEGATIVE_INFINITY;
    const hyphenates = inserts[i] === 1;
    const flaggedHere = flagged[i] === 1;
    const penaltyWidth = isPenalty ? widthOf[i]! : 0;
    const right = protrudeRight[i]!;
    const active = ws.active;
    const nodeStart = ws.start;
    const nodeLine = ws.line;
    const nodeFitness = ws.fitness;
    const nodeHyph = ws.hyph;
    const nodeTotal = ws.total;
    const nodeWidth = ws.lineWidth;
    const nodeFlagged = ws.flagged;
    const nodeBottom = ws.lineBottom;
    const nodeStacked = ws.stackCount;
    const activeCount = ws.activeCount;
    let candClass = ws.candClass;
    let candFitness = ws.candFitness;
    let candHyph = ws.candHyph;
    let kept = 0;
    let cands = 0;
    let lastDeactivated = -1;
    let lastRatio = 0;
    for (let k = 0; k < activeCount; k++) {
      const a = active[k]!;
      const s = nodeStart[a]!;
      if (s >= i) {
        active[kept++] = a;
        continue;
      }
      const avail = nodeWidth[a]! + right + protrudeLeft[s]!;
      const natural = sumW[i]! - sumW[s]! + penaltyWidth;
      let r = 0;
      if (natural < avail) {
        if (!isEnd) {
          const y = sumY[i]! - sumY[s]! + raggedStretch;
          r = y > 0 ? (avail - natural) / y : Number.POSITIVE_INFINITY;
        }
      } else if (natural > avail) {
        const z = sumZ[i]! - sumZ[s]!;
        r = z > 0 ? (avail - natural) / z : Number.NEGATIVE_INFINITY;
      }
      if (r < -1 && r > -1 - RATIO_EPSILON) r = -1;
      if (r < -1) {
        lastDeactivated = a;
        lastRatio = r;
        continue;
      }
      if (!isEnd) active[kept++] = a;
      let b = badness(r);
      if (b > threshold) {
        if (!(final && r > 0)) continue;
        // Final pass: a line too loose for the tolerance is kept, ranked by its real looseness
        // (TeX's cap at 10 000 would make all such lines equal, and TeX's emergency stretch would
        // make every loose line of the paragraph look cheap). Lines within tolerance thanks to
        // the emergency stretch come first; lines beyond even that are a last resort.
        const y = sumY[i]! - sumY[s]! + raggedStretch + emergency;
        const rescued = y > 0 && badness((avail - natural) / y) <= threshold;
        b = (Number.isFinite(r) ? 100 * r * r * r : UNSET_LINE) + (rescued ? 0 : BEYOND_EMERGENCY);
      }
      // Runs past the limit are one state: they cost the same from here on, and counting them
      // apart would grow the active list with every line of a word that hyphenates on each line.
      const hyph = hyphenates ? Math.min(nodeHyph[a]! + 1, maxConsecutiveHyphens + 1) : 0;
      // The limit on consecutive hyphens is hard, except in the last resort: a word longer than
      // several lines must be hyphenated on each of them rather than run over the measure.
      const tooManyHyphens = hyph > maxConsecutiveHyphens;
      if (tooManyHyphens && !pass.relaxHyphens) continue;
      let d = linePenalty + b;
      d *= d;
      if (tooManyHyphens) d += HYPHEN_LIMIT_BROKEN;
      if (pi > 0) d += pi * pi;
      else if (pi < 0 && !isEnd) d -= pi * pi;
      const prevFlagged = nodeFlagged[a] === 1;
      if (flaggedHere && prevFlagged) d += doubleHyphenDemerits;
      if (isEnd && prevFlagged) d += finalHyphenDemerits;
      if (hyphenates && nodeBottom[a] === 1) d += finalHyphenDemerits;
      const fitness = fitnessOf(r);
      if (Math.abs(fitness - nodeFitness[a]!) > 1) d += adjDemerits;
      const rr = Number.isFinite(r) ? r : 0;
      if (rivers) {
        ensureStack(ws, m, a, tol);
        if (nodeStacked[a]! > 0) d += riverDemerits * countRivers(ws, m, s, i, rr, a, tol);
      }
      const total = nodeTotal[a]! + d;
      // Keep the best candidate per (line class, fitness, hyphen run).
      const line = nodeLine[a]! + 1;
      const cl = Math.min(line, mergeFrom);
      let c = 0;
      while (c < cands && !(candClass[c] === cl && candFitness[c] === fitness && candHyph[c] === hyph)) {
        c++;
      }
      if (c === cands) {
        if (cands === ws.candCap) {
          ws.reserveCandidate(cands);
          candClass = ws.candClass;
          candFitness = ws.candFitness;
          candHyph = ws.candHyph;
        }
        candClass[c] = cl;
        candFitness[c] = fitness;
        candHyph[c] = hyph;
        cands++;
      } else if (!(total < ws.candTotal[c]!)) continue;
      ws.candStart[c] = s;
      ws.candLine[c] = line;
      ws.candTotal[c] = total;
      ws.candPrev[c] = a;
      ws.candRatio[c] = rr;
    }
    ws.activeCount = kept;
    if (final && kept === 0 && cands === 0 && lastDeactivated >= 0) {
      // TeX's artificial demerits: nothing fits, so this line is set overfull.
      forcedOverfull = true;
      const a = lastDeactivated;
      ws.candStart[0] = nodeStart[a]!;
      ws.candLine[0] = nodeLine[a]! + 1;
      ws.candFitness[0] = fitnessOf(lastRatio);
      ws.candTotal[0] = nodeTotal[a]!;
      ws.candHyph[0] = hyphenates ? nodeHyph[a]! + 1 : 0;
      ws.candPrev[0] = a;
      ws.candRatio[0] = -1;
      cands = 1;
    }
    if (cands > MAX_LINE_CLASSES) cands = keepBestClasses(ws, cands, MAX_LINE_CLASSES);
    if (cands > 0) {
      ws.reserve(cands);
      const start = i + 1 < n ? nextBox[i + 1]! : i + 1;
      for (let c = 0; c < cands; c++) {
        const id = ws.count++;
        const line = ws.candLine[c]!;
        const prev = ws.candPrev[c]!;
        ws.pos[id] = i;
        ws.start[id] = start;
        ws.line[id] = line;
        ws.fitness[id] = ws.candFitness[c]!;
        ws.hyph[id] = ws.candHyph[c]!;
        ws.prev[id] = prev;
        ws.flagged[id] = flaggedHere ? 1 : 0;
        ws.lineWidth[id] = lines.width(line);
        ws.lineBottom[id] = lines.bottom(line) ? 1 : 0;
        ws.total[id] = ws.candTotal[c]!;
        // The candidate's own line, for the river score of the lines after it.
        ws.lineFrom[id] = ws.candStart[c]!;
        ws.ratio[id] = ws.candRatio[c]!;
        ws.spaceDone[id] = 0;
        ws.stackDone[id] = 0;
        ws.active[ws.activeCount++] = id;
      }
    }
    if (ws.activeCount === 0) return null;
  }
  let best = -1;
  for (let k = 0; k < ws.activeCount; k++) {
    const a = ws.active[k]!;
    if (ws.pos[a] === n - 1 && (best < 0 || ws.total[a]! < ws.total[best]!)) best = a;
  }
  if (best < 0) return null;
  if (looseness !== 0) {
    // TeX §875: the line count nearest the optimum's plus the looseness, best demerits among those.
    const target = ws.line[best]! + looseness;
    let chosen = best;
    for (let k = 0; k < ws.activeCount; k++) {
      const a = ws.active[k]!;
      if (ws.pos[a] !== n - 1) continue;
      const d = Math.abs(ws.line[a]! - target);
      const dc = Math.abs(ws.line[chosen]! - target);
      if (d < dc || (d === dc && ws.total[a]! < ws.total[chosen]!)) chosen = a;
    }
    lastLooseness = ws.line[chosen]! - ws.line[best]!;
    best = chosen;
  }
  const breaks: number[] = [];
  for (let a = best; a >= 0 && ws.pos[a]! >= 0; a = ws.prev[a]!) breaks.push(ws.pos[a]!);
  return breaks.reverse();
}

let classKeys = new Float64Array(64);
let classBest = new Float64Array(64);

/**
 * Keeps the candidates of the `keep` line classes with the lowest best demerits (ties: the fewer
 * lines first), compacted in place; returns how many candidates remain.
 */
function keepBestClasses(ws: BreakWorkspace, cands: number, keep: number): number {
  if (classKeys.length < cands) {
    classKeys = new Float64Array(cands * 2);
    classBest = new Float64Array(cands * 2);
  }
  let classes = 0;
  for (let c = 0; c < cands; c++) {
    const cl = ws.candClass[c]!;
    let k = 0;
    while (k < classes && classKeys[k] !== cl) k++;
    if (k === classes) {
      classKeys[k] = cl;
      classBest[k] = ws.candTotal[c]!;
      classes++;
    } else if (ws.candTotal[c]! < classBest[k]!) classBest[k] = ws.candTotal[c]!;
  }
  if (classes <= keep) return cands;
  // The keep-th cheapest class's best total, with its line count to break ties.
  const order = Array.from({ length: classes }, (_, k) => k).sort(
    (a, b) => classBest[a]! - classBest[b]! || classKeys[a]! - classKeys[b]!,
  );
  const kept = new Set<number>();
  for (let k = 0; k < keep; k++) kept.add(classKeys[order[k]!]!);
  let out = 0;
  for (let c = 0; c < cands; c++) {
    if (!kept.has(ws.candClass[c]!)) continue;
    if (out !== c) {
      ws.candClass[out] = ws.candClass[c]!;
      ws.candFitness[out] = ws.candFitness[c]!;
      ws.candHyph[out] = ws.candHyph[c]!;
      ws.candStart[out] = ws.candStart[c]!;
      ws.candLine[out] = ws.candLine[c]!;
      ws.candTotal[out] = ws.candTotal[c]!;
      ws.candPrev[out] = ws.candPrev[c]!;
      ws.candRatio[out] = ws.candRatio[c]!;
    }
    out++;
  }
  return out;
}

/** Two spaces are stacked when their centres are closer than a natural word space. */
function riverTolerance(m: BreakMaterial): number {
  for (let j = 0; j < m.n; j++) if (m.type[j] === KIND_GLUE) return m.width[j]!;
  return 0;
}

function search(ws: BreakWorkspace, m: BreakMaterial, lines: LineModel, params: BreakParams): number[] {
  const penalties = penaltyValues(params);
  if (params.pretolerance >= 0) {
    lastLooseness = 0;
    const first = runPass(ws, m, lines, params, penalties, {
      allowed: PASS_FIRST,
      threshold: params.pretolerance,
      emergency: 0,
      final: false,
    });
    // With a looseness the first pass may not reach, the second (with hyphens) is tried too.
    if (first && lastLooseness === params.looseness) return first;
    if (first && params.looseness !== 0) {
      const got = lastLooseness;
      const second = runPass(ws, m, lines, params, penalties, {
        allowed: PASS_HYPHENATE,
        threshold: params.tolerance,
        emergency: 0,
        final: false,
      });
      return second && Math.abs(lastLooseness - params.looseness) < Math.abs(got - params.looseness)
        ? second
        : first;
    }
  }
  const second = runPass(ws, m, lines, params, penalties, {
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
  const third = runPass(ws, m, lines, params, penalties, last);
  // Only when even that had to set a line overfull may hyphens run past the limit (a word longer
  // than several lines): relaxing the limit in every last pass would triple its cost.
  if (!forcedOverfull) return third ?? [m.n - 1];
  return runPass(ws, m, lines, params, penalties, { ...last, relaxHyphens: true }) ?? third ?? [m.n - 1];
}

/**
 * The optimal breaks of a paragraph: node indices of each line's ending break, the last being the
 * paragraph's end. Empty material gives no lines.
 */
export function breakLines(m: BreakMaterial, lines: LineModel, params: BreakParams): number[] {
  if (m.n === 0) return [];
  const ws = shared ?? new BreakWorkspace();
  shared = null;
  try {
    return search(ws, m, lines, params);
  } finally {
    shared = ws;
  }
}
