/**
 * The flow: paragraphs poured into line slots, column after column. Every paragraph is broken
 * (total-fit) for the exact widths of the slots it will take, so text that meets a pull quote or a
 * photo is re-broken for the narrower lines, never reused. House rules applied here:
 * - no orphan (a paragraph's first line alone at a column bottom) and no widow (its last line alone
 *   at a column top): at least `minLinesTogether` lines stay together;
 * - a subhead never stands alone at a column bottom: it keeps with two lines of what follows;
 * - a subhead takes a grid line of space above it, except at a column top;
 * - a hyphen never ends the last line before overset or a jump (the word would be cut in two).
 * What does not fit is overset: counted in lines and located by block and word, never dropped.
 */
import type { BreakParams, Engines, LineSlots, PreparedParagraph, SetLine } from '../text/types.js';
import type { Slot } from './buildSlots.js';

export interface FlowBlock {
  kind: 'paragraph' | 'subhead';
  paragraph: PreparedParagraph;
  /** Page makeup: set this paragraph a line longer (1) or shorter (-1) than its optimum, if it can. */
  looseness?: number;
}

export interface FlowedLine {
  slot: Slot;
  line: SetLine;
  block: number;
}

export interface Overset {
  /** Block and line where the overset starts, and the index of its first word in that block. */
  block: number;
  line: number;
  word: number;
  firstWord: string;
  /** Lines the rest would take at the last slot's width. */
  lines: number;
}

export interface FlowResult {
  lines: FlowedLine[];
  /** Slots consumed, including those left empty by keeps. */
  slotsUsed: number;
  overset?: Overset;
}

export interface FlowSettings {
  minLinesTogether: number;
  /** Grid lines of space above a subhead. */
  subheadSpace: number;
  params?: Partial<BreakParams>;
}

const MAX_ATTEMPTS_PER_BLOCK = 8;

/** The breaker's parameters for one block: the story's, with the block's looseness if it has one. */
function paramsFor(block: FlowBlock, settings: FlowSettings): Partial<BreakParams> | undefined {
  return block.looseness ? { ...settings.params, looseness: block.looseness } : settings.params;
}

export function flowBody(
  blocks: readonly FlowBlock[],
  slots: readonly Slot[],
  engines: Engines,
  settings: FlowSettings,
  cache: SetLinesCache = createSetLinesCache(),
): FlowResult {
  const out: FlowedLine[] = [];
  let cursor = 0;
  const nextColumnStart = (i: number) => {
    let j = i;
    while (j < slots.length && slots[j]!.column === slots[i]!.column) j++;
    return j;
  };
  const atColumnTop = (i: number) =>
    i === 0 || i >= slots.length || slots[i - 1]!.column !== slots[i]!.column;

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'subhead' && cursor > 0 && cursor < slots.length && !atColumnTop(cursor)) {
      for (let s = 0; s < settings.subheadSpace && cursor < slots.length && !atColumnTop(cursor); s++)
        cursor++;
    }
    const skips = new Set<number>();
    let placedLines: SetLine[] | undefined;
    let seq: SlotSequence = slotSequence(slots.length, cursor, skips);
    for (let attempt = 0; attempt < MAX_ATTEMPTS_PER_BLOCK; attempt++) {
      seq = slotSequence(slots.length, cursor, skips);
      const columnOf = (i: number) => slots[seq.at(i)]!.column;
      const lineSlots: LineSlots = {
        width: (i) =>
          slots[seq.length > 0 ? seq.at(Math.min(i, seq.length - 1)) : slots.length - 1]?.width ?? 0,
        columnBottom: (i) => i < seq.length && (i + 1 >= seq.length || columnOf(i + 1) !== columnOf(i)),
      };
      const lines = cache.get(block.paragraph, lineSlots, engines, paramsFor(block, settings));
      const fix = keepsFix(block.kind, lines.length, seq, slots, settings.minLinesTogether);
      placedLines = lines;
      if (!fix) break;
      if (fix.kind === 'skip') for (const s of fix.slots) skips.add(s);
      else cursor = nextColumnStart(fix.from);
      if (cursor >= slots.length) break;
    }
    const lines = placedLines ?? [];
    const fitting = Math.min(lines.length, cursor >= slots.length ? 0 : seq.length);
    let placeCount = fitting;
    if (placeCount < lines.length) {
      // Never leave the first part of a hyphenated word on the page with its end overset.
      while (placeCount > 0 && lines[placeCount - 1]!.hyphenated) placeCount--;
      if (placeCount < settings.minLinesTogether && placeCount < lines.length) placeCount = 0;
    }
    for (let i = 0; i < placeCount; i++) out.push({ slot: slots[seq.at(i)]!, line: lines[i]!, block: b });
    if (placeCount < lines.length) {
      const word = lines.slice(0, placeCount).reduce((n, l) => n + l.words.length, 0);
      const restWidth = slots[slots.length - 1]?.width ?? 0;
      let rest = lines.length - placeCount;
      for (let later = b + 1; later < blocks.length; later++) {
        rest += cache.get(
          blocks[later]!.paragraph,
          { width: () => restWidth },
          engines,
          paramsFor(blocks[later]!, settings),
        ).length;
      }
      return {
        lines: out,
        slotsUsed: slots.length,
        overset: {
          block: b,
          line: placeCount,
          word,
          firstWord: lines[placeCount]!.words[0] ?? '',
          lines: rest,
        },
      };
    }
    cursor = placeCount > 0 ? seq.at(placeCount - 1) + 1 : cursor;
  }
  return { lines: out, slotsUsed: cursor };
}

/** The slots a block may take, in order: their indices, `at(0)` to `at(length - 1)`. */
interface SlotSequence {
  readonly length: number;
  at(i: number): number;
}

/**
 * Slot indices from `cursor` on, leaving out skipped ones. Without skips (nearly always) the
 * sequence is the plain range, with no array: a story's every block asks for one.
 */
function slotSequence(count: number, cursor: number, skips: ReadonlySet<number>): SlotSequence {
  if (skips.size === 0) return { length: Math.max(0, count - cursor), at: (i) => cursor + i };
  const seq: number[] = [];
  for (let i = cursor; i < count; i++) if (!skips.has(i)) seq.push(i);
  return { length: seq.length, at: (i) => seq[i]! };
}

type KeepsFix = { kind: 'skip'; slots: number[] } | { kind: 'nextColumn'; from: number };

/**
 * Checks every column break inside the block's lines. An orphan or a subhead at a column bottom
 * sends the block to the next column; a widow pulls one more line over by leaving the last slot of
 * the column empty (or, in a three-line paragraph, sends it all over).
 */
function keepsFix(
  kind: FlowBlock['kind'],
  lineCount: number,
  seq: SlotSequence,
  slots: readonly Slot[],
  minTogether: number,
): KeepsFix | undefined {
  const breaksAfter = (i: number) =>
    i + 1 < seq.length && slots[seq.at(i + 1)]!.column !== slots[seq.at(i)]!.column;
  // A subhead needs room for itself and two lines of what follows in the same column.
  const needed = kind === 'subhead' ? lineCount + 2 : 0;
  if (kind === 'subhead') {
    for (let i = 0; i < Math.min(needed, seq.length) - 1; i++) {
      if (breaksAfter(i)) return { kind: 'nextColumn', from: seq.at(0) };
    }
    return undefined;
  }
  const last = Math.min(lineCount, seq.length);
  for (let i = 0; i < last - 1; i++) {
    if (!breaksAfter(i)) continue;
    const before = i + 1;
    const after = lineCount - before;
    if (before < minTogether) return { kind: 'nextColumn', from: seq.at(0) };
    if (after < minTogether) {
      const pull = minTogether - after;
      if (before - pull < minTogether) return { kind: 'nextColumn', from: seq.at(0) };
      // Leave the column's last `pull` slots empty so that `pull` more lines go over.
      return { kind: 'skip', slots: Array.from({ length: pull }, (_, k) => seq.at(i - pull + 1 + k)) };
    }
  }
  return undefined;
}

/**
 * Memoised line breaking: the flow asks for the same paragraph at the same widths many times
 * (keeps, balancing), so results are kept per paragraph with the widths they were set for.
 */
export interface SetLinesCache {
  get(p: PreparedParagraph, slots: LineSlots, engines: Engines, params?: Partial<BreakParams>): SetLine[];
}

export function createSetLinesCache(): SetLinesCache {
  /** Per paragraph, entries by looseness and first line's key: the widths each was set for. */
  const memo = new WeakMap<PreparedParagraph, Map<string, { key: number[]; lines: SetLine[] }[]>>();
  // A line's width to a thousandth of a point, and whether it ends a column, as one integer.
  const keyAt = (slots: LineSlots, i: number) =>
    Math.round(slots.width(i) * 1000) * 2 + (slots.columnBottom?.(i) ? 1 : 0);
  return {
    get(p, slots, engines, params) {
      let byStart = memo.get(p);
      if (!byStart) {
        byStart = new Map();
        memo.set(p, byStart);
      }
      // The looseness is the only parameter that differs between calls on one cache.
      const bucket = `${params?.looseness ?? 0} ${keyAt(slots, 0)}`;
      let entries = byStart.get(bucket);
      if (!entries) {
        entries = [];
        byStart.set(bucket, entries);
      }
      const seen: number[] = [];
      const at = (i: number) => {
        while (seen.length <= i) seen.push(keyAt(slots, seen.length));
        return seen[i]!;
      };
      for (const e of entries) if (e.key.every((k, i) => k === at(i))) return e.lines;
      const lines = engines.setLines(p, slots, params);
      // The widths that could have mattered: every line set, plus the next one.
      const key = Array.from({ length: lines.length + 1 }, (_, i) => at(i));
      entries.push({ key, lines });
      return lines;
    },
  };
}
