/**
 * The first-fit line breaker, behind the same interface as breakLines: each line takes as much
 * material as fits at full shrink and breaks at the last point that fits (a hyphenation point
 * included, within `maxConsecutiveHyphens`). Splits inside over-wide words are used only when
 * nothing else fits; a line that fits nowhere is set overfull. For the benchmark and comparisons.
 */
import type { LineModel } from './breakLines.js';
import { type BreakMaterial, lineStart, NEVER, PASS_HYPHENATE, PENALTY, PK_END } from './toBreakMaterial.js';
import type { BreakParams } from './types.js';

const EPSILON = 1e-9;

export function breakGreedy(m: BreakMaterial, lines: LineModel, params: BreakParams): number[] {
  const breaks: number[] = [];
  if (m.n === 0) return breaks;
  let s = lineStart(m, 0);
  let line = 0;
  let hyph = 0;
  let lastFit = -1;
  let lastChar = -1;
  for (let i = 0; i < m.n; i++) {
    if (m.pass[i] === NEVER || i <= s) continue;
    const isPenalty = m.type[i] === PENALTY;
    const isEnd = m.penaltyKind[i] === PK_END;
    const avail = lines.width(line) + m.protrudeRight[i]! + m.protrudeLeft[s]!;
    const natural = m.sumW[i]! - m.sumW[s]! + (isPenalty ? m.width[i]! : 0);
    const shrink = m.sumZ[i]! - m.sumZ[s]!;
    if (natural - shrink <= avail + EPSILON) {
      if (isEnd) {
        breaks.push(i);
        break;
      }
      if (m.pass[i]! <= PASS_HYPHENATE) {
        if (!(m.inserts[i] && hyph >= params.maxConsecutiveHyphens)) lastFit = i;
      } else lastChar = i;
      continue;
    }
    const b = lastFit >= 0 ? lastFit : lastChar >= 0 ? lastChar : i;
    breaks.push(b);
    if (b === m.n - 1) break;
    hyph = m.inserts[b] ? hyph + 1 : 0;
    line++;
    s = lineStart(m, b + 1);
    lastFit = -1;
    lastChar = -1;
    i = b;
  }
  return breaks;
}
