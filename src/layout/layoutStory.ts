/**
 * One story in its module: header, floats (photos, pull quote), then the body flowed around them,
 * balanced, with a jump line when it continues on another page, and the fit report.
 * Floats first, then text: floats anchored to a paragraph are placed where a first flow puts that
 * paragraph, and the flow runs again around them.
 */
import type { Article } from '../model/article.js';
import type { Template } from '../model/template.js';
import { gridY, spanWidth } from '../model/template.js';
import { countWords } from '../text/countWords.js';
import { buildSlots, type Slot } from './buildSlots.js';
import { createSetLinesCache, type FlowResult, flowBody, type SetLinesCache } from './flowBody.js';
import type { Rect } from './geometry.js';
import { layoutStoryHeader, type StoryRole } from './layoutStoryHeader.js';
import { placeStoryFloats } from './placeStoryFloats.js';
import { prepareBody, type ResumePoint } from './prepareBody.js';
import { describeFrame, frameColumnsX, frameRect, type StoryFrame } from './StoryFrame.js';
import { baselineOffset } from './stackLines.js';
import { setText, type TypesetContext } from './TypesetContext.js';
import type { PlacedElement, PlacedLine, StoryReport } from './types.js';

export interface StoryPlan {
  article: Article;
  frame: StoryFrame;
  role: StoryRole;
  headlineColumns: number;
  photos: boolean;
  /** Page label the overset continues on (a jump line is set). */
  continuesOn?: string;
  /** Page label this is continued from (a jump headline is set and the body starts at `resume`). */
  continuedFrom?: string;
  resume?: ResumePoint;
  /**
   * Set by page makeup (all optional; absent, the role's defaults apply): the headline's size from
   * the makeup's ladder, the top photo's exact depth in grid lines (the float with its credit and
   * caption, across `topPhotoColumns`), and whether the pull quote goes in.
   */
  headlineSize?: number;
  topPhotoLines?: number;
  topPhotoColumns?: number;
  pullQuotes?: boolean;
  /** Paragraphs (by the article's body index) set a line longer (1) or shorter (-1), to fill the module. */
  looseness?: Readonly<Record<number, number>>;
}

export interface StoryLayout {
  elements: PlacedElement[];
  /** The body lines placed, in reading order (also among `elements`). */
  body: PlacedLine[];
  report: StoryReport;
  /** Where the text continues when it jumps to `continuesOn`. */
  resume?: ResumePoint;
  /**
   * Per column of the module, the grid lines from the module's top down to the last one with
   * something in it (head, photo, text, jump line): the module is filled where this is its depth.
   */
  feet: number[];
}

const MIN_LINES_TOGETHER = 2;
/** Balancing tries this many cut-offs line by line before searching by halves. */
const LINEAR_BALANCE_TRIES = 4;

export function layoutStory(ctx: TypesetContext, t: Template, plan: StoryPlan): StoryLayout {
  const { article, frame } = plan;
  const warnings: string[] = [];
  const moduleRect = frameRect(t, frame);
  const header = layoutStoryHeader(
    ctx,
    t,
    article,
    plan.role,
    moduleRect.x,
    frame.top,
    spanWidth(t, Math.min(plan.headlineColumns, frame.columns)),
    plan.continuedFrom,
    plan.headlineSize,
    plan.headlineSize !== undefined && !(plan.photos && plan.topPhotoLines),
  );
  warnings.push(...header.warnings);
  const bodyEnd = frame.top + frame.depth;
  // A byline that opens the first column sits on the head's last line there; the other columns'
  // text starts beside it.
  const bodyTop = Math.min(frame.top + header.gridLines - (header.byline ? 1 : 0), bodyEnd);
  const elements: PlacedElement[] = clipToModule(header.elements, moduleRect, warnings);
  const prepared = ctx.memo
    ? ctx.memo.body(article, `${t.name}|${plan.resume?.block ?? 0}|${plan.resume?.word ?? 0}`, () =>
        prepareBody(ctx, t, article, plan.resume),
      )
    : prepareBody(ctx, t, article, plan.resume);
  const loose = plan.looseness;
  const body = loose
    ? {
        ...prepared,
        blocks: prepared.blocks.map((b, i) =>
          loose[prepared.firstBlock + i] ? { ...b, looseness: loose[prepared.firstBlock + i]! } : b,
        ),
      }
    : prepared;
  if (article.body.length === 0) warnings.push('the story has no body text');
  for (const b of body.blocks) warnings.push(...b.paragraph.warnings);
  const grid = {
    columnX: frameColumnsX(t, frame),
    columnWidth: t.columnWidth,
    gridTop: t.typeArea.y,
    baseline: t.baseline,
    firstLine: bodyTop,
    endLine: bodyEnd,
  };
  const cache = (ctx.memo?.lines as SetLinesCache | undefined) ?? createSetLinesCache();
  const settings = {
    minLinesTogether: MIN_LINES_TOGETHER,
    subheadSpace: 1,
    ...(ctx.params && { params: ctx.params }),
  };
  // The byline's place at the top of the first column is kept out of every flow.
  const bylineRect =
    header.byline && bodyTop < bodyEnd
      ? { x: moduleRect.x, y: gridY(t, bodyTop) + 0.5, width: t.columnWidth, height: t.baseline - 1 }
      : undefined;
  const flow = (exclusions: readonly Rect[], endLine = bodyEnd, reserveLast = false) => {
    let slots = buildSlots({ ...grid, endLine }, bylineRect ? [...exclusions, bylineRect] : exclusions);
    if (reserveLast) slots = slots.slice(0, -1);
    return { slots, result: flowBody(body.blocks, slots, ctx.engines, settings, cache) };
  };

  // Floats anchored to a paragraph go where the (balanced) flow without them puts that paragraph.
  const settle = (ex: readonly Rect[], lowest: number) => {
    const full = flow(ex);
    return full.result.overset || full.result.lines.length === 0
      ? full
      : balance(flow, ex, lowest, bodyEnd, full);
  };
  const floats =
    bodyTop < bodyEnd
      ? placeStoryFloats(
          ctx,
          t,
          plan,
          body,
          bodyTop,
          bodyEnd,
          (ex) => settle(ex, lowestCutoff(t, bodyTop, ex)).result,
          (ex) => !!flow(ex).result.overset,
        )
      : { floats: [], photos: [], warnings: [], deferred: { photos: [], quotes: [] } };
  warnings.push(...floats.warnings);
  const exclusions = floats.floats.map((f) => f.exclusion);
  for (const f of floats.floats) elements.push(...f.elements);
  if (header.byline && bylineRect) {
    const baseline = gridY(t, bodyTop) + baselineOffset(t.baseline);
    elements.push({
      kind: 'lines',
      lines: header.byline.map((line) => ({ x: moduleRect.x, y: baseline, line })),
    });
  }

  let { slots, result } = flow(exclusions);
  const fullSlots = slots;
  let jumpSlot: Slot | undefined;
  if (result.overset && plan.continuesOn) {
    ({ slots, result } = flow(exclusions, bodyEnd, true));
    jumpSlot = fullSlots[fullSlots.length - 1];
  } else if (!result.overset && result.lines.length > 0) {
    const floatRects = floats.floats.map((f) => f.rect);
    ({ slots, result } = balance(flow, exclusions, lowestCutoff(t, bodyTop, floatRects), bodyEnd, {
      slots,
      result,
    }));
  }

  const placed: PlacedLine[] = result.lines.map(({ slot, line }) => ({ x: slot.x, y: slot.baseline, line }));
  if (placed.length) elements.push({ kind: 'lines', lines: placed });
  if (jumpSlot && plan.continuesOn) {
    const jump = setText(
      ctx,
      `Continued on page ${plan.continuesOn}`,
      t.styles.jump,
      jumpSlot.width,
      article.language,
    );
    elements.push({
      kind: 'lines',
      lines: jump.slice(0, 1).map((line) => ({ x: jumpSlot.x, y: jumpSlot.baseline, line })),
    });
  }
  for (const { slot, line } of result.lines) {
    if (line.loose || line.overfull) {
      elements.push({
        kind: 'debug',
        rect: { x: slot.x, y: slot.top, width: slot.width, height: t.baseline },
        label: line.overfull ? 'overfull' : `loose ${line.ratio.toFixed(2)}`,
        category: 'loose',
      });
    }
  }
  elements.push({
    kind: 'debug',
    rect: moduleRect,
    label: `${article.id}: ${describeFrame(frame)}`,
    category: 'module',
  });

  const report = buildReport(plan, result, fullSlots.length, body, floats.photos, warnings, !!jumpSlot);
  if (result.overset && !jumpSlot) {
    const last = fullSlots[fullSlots.length - 1];
    if (last)
      elements.push({
        kind: 'debug',
        rect: { x: last.x, y: last.top, width: last.width, height: t.baseline },
        label: `+${result.overset.lines} lines overset from "${result.overset.firstWord}"`,
        category: 'overset',
      });
  }
  const resume =
    result.overset && jumpSlot ? { ...toResume(result, body), deferred: floats.deferred } : undefined;
  const feet = columnFeet(
    t,
    frame,
    Math.min(plan.headlineColumns, frame.columns),
    bodyTop,
    result.lines.map((l) => l.slot),
    floats.floats.map((f) => f.rect),
    jumpSlot,
  );
  return { elements, body: placed, report, feet, ...(resume && { resume }) };
}

/** How far down each column of the module something is set (see StoryLayout.feet). */
function columnFeet(
  t: Template,
  frame: StoryFrame,
  headlineColumns: number,
  bodyTop: number,
  slots: readonly Slot[],
  floats: readonly Rect[],
  jumpSlot: Slot | undefined,
): number[] {
  const feet = Array.from({ length: frame.columns }, (_, c) =>
    c < headlineColumns ? bodyTop - frame.top : 0,
  );
  const reach = (column: number, line: number) => {
    if (column >= 0 && column < frame.columns) feet[column] = Math.max(feet[column]!, line - frame.top + 1);
  };
  for (const s of [...slots, ...(jumpSlot ? [jumpSlot] : [])]) reach(s.column, s.line);
  const x0 = frameRect(t, frame).x;
  const pitch = t.columnWidth + t.gutter;
  for (const r of floats) {
    const last = Math.ceil((r.y + r.height - t.typeArea.y) / t.baseline - 1e-6) - 1;
    const first = Math.floor((r.x - x0 + 1) / pitch);
    const end = Math.floor((r.x + r.width - x0 - 1) / pitch);
    for (let c = first; c <= end; c++) reach(c, last);
  }
  return feet;
}

/** A warning quoting a 10,000-character word quotes its start. */
function shortenQuotes(warning: string): string {
  return warning.replace(/"([^"]{40})[^"]{2,}"/g, (_, start: string) => `"${start}…"`);
}

/**
 * The head of a story never runs out of its module: lines below the module's bottom are left out
 * and reported (only a headline far too long for its module gets there).
 */
function clipToModule(elements: readonly PlacedElement[], module: Rect, warnings: string[]): PlacedElement[] {
  const bottom = module.y + module.height;
  let cut = 0;
  const kept = elements.map((e) => {
    if (e.kind !== 'lines') return e;
    const lines = e.lines.filter((l) => l.y <= bottom);
    cut += e.lines.length - lines.length;
    return { ...e, lines };
  });
  if (cut > 0) warnings.push(`the head of the story does not fit its module: ${cut} lines of it left out`);
  return kept;
}

/** Balancing never cuts the columns above the bottom of a float: text and floats end together. */
function lowestCutoff(t: Template, bodyTop: number, rects: readonly Rect[]): number {
  let line = bodyTop + 1;
  for (const r of rects)
    line = Math.max(line, Math.ceil((r.y + r.height - t.typeArea.y) / t.baseline - 1e-6));
  return line;
}

/**
 * Squares off a story that is shorter than its module: the smallest cut-off grid line at which the
 * whole body still fits, so every column ends on (nearly) the same line.
 */
function balance(
  flow: (ex: readonly Rect[], endLine?: number) => { slots: Slot[]; result: FlowResult },
  exclusions: readonly Rect[],
  lowest: number,
  bodyEnd: number,
  full: { slots: readonly Slot[]; result: FlowResult },
): { slots: Slot[]; result: FlowResult } {
  // No cut-off can hold the lines in fewer slots than there are lines: start from that bound and
  // go down the page a line at a time; it usually fits within a line or two.
  const needed = full.result.lines.length;
  let cut = Math.min(Math.max(lowest, 1), bodyEnd);
  while (cut < bodyEnd && full.slots.filter((s) => s.line < cut).length < needed) cut++;
  for (let tries = 0; cut < bodyEnd && tries < LINEAR_BALANCE_TRIES; tries++, cut++) {
    const trial = flow(exclusions, cut);
    if (!trial.result.overset) return trial;
  }
  // Rare (many keeps, or floats): search the rest by halves.
  let lo = cut;
  let hi = bodyEnd;
  let best: { slots: Slot[]; result: FlowResult } | undefined;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const trial = flow(exclusions, mid);
    if (trial.result.overset) lo = mid + 1;
    else {
      best = trial;
      hi = mid;
    }
  }
  return best ?? flow(exclusions, hi);
}

function toResume(result: FlowResult, body: ReturnType<typeof prepareBody>): ResumePoint {
  const o = result.overset!;
  const block = body.firstBlock + o.block;
  // Word indices of the first block count from the resume point; the dateline is not the article's.
  const word = o.block === 0 ? o.word + body.wordOffset - body.prefixWords : o.word;
  return { block, word: Math.max(0, word) };
}

function buildReport(
  plan: StoryPlan,
  result: FlowResult,
  slotCount: number,
  body: ReturnType<typeof prepareBody>,
  photos: StoryReport['photos'],
  warnings: string[],
  jumped: boolean,
): StoryReport {
  const lines = result.lines.map((l) => l.line);
  const wordsOnPage =
    lines.reduce((n, l) => n + l.words.length, 0) -
    (result.lines.some((l) => l.block === 0) ? body.prefixWords : 0);
  const wordsTotal = wordsIn(plan.article);
  const overset = result.overset;
  return {
    article: plan.article.file,
    headline: plan.article.headline,
    module: describeFrame(plan.frame),
    linesSet: lines.length,
    oversetLines: overset && !jumped ? overset.lines : 0,
    ...(overset && !jumped && { oversetFrom: articleWordAt(plan, body, overset) }),
    jumpedLines: overset && jumped ? overset.lines : 0,
    emptyLines: overset ? 0 : Math.max(0, slotCount - lines.length),
    hyphenatedLines: lines.filter((l) => l.hyphenated).length,
    looseLines: lines.filter((l) => l.loose).length,
    overfullLines: lines.filter((l) => l.overfull).length,
    wordsPlaced: wordsOnPage,
    wordsTotal,
    photos,
    warnings: [
      ...warnings,
      ...(overset && !jumped
        ? [`${overset.lines} lines overset from "${articleWordAt(plan, body, overset)}"`]
        : []),
      ...(lines.some((l) => l.overfull) ? [`${lines.filter((l) => l.overfull).length} overfull lines`] : []),
      ...lines.flatMap((l) => l.warnings ?? []),
    ]
      .map(shortenQuotes)
      .filter((w, i, all) => all.indexOf(w) === i),
  };
}

/** Words of each article's body, counted once (page makeup lays a story out hundreds of times). */
const wordCounts = new WeakMap<Article, number>();
function wordsIn(article: Article): number {
  let n = wordCounts.get(article);
  if (n === undefined) {
    n = article.body.reduce(
      (sum, b) =>
        sum + (b.kind === 'subhead' ? countWords(b.text) : countWords(b.runs.map((r) => r.text).join(''))),
      0,
    );
    wordCounts.set(article, n);
  }
  return n;
}

/** The article's own word where the overset starts (a dateline run in before it is not the article's). */
function articleWordAt(
  plan: StoryPlan,
  body: ReturnType<typeof prepareBody>,
  overset: NonNullable<FlowResult['overset']>,
): string {
  const block = plan.article.body[body.firstBlock + overset.block];
  if (!block) return overset.firstWord;
  const text = block.kind === 'subhead' ? block.text : block.runs.map((r) => r.text).join('');
  const index = overset.block === 0 ? overset.word + body.wordOffset - body.prefixWords : overset.word;
  return text.trim().split(/\s+/u)[Math.max(0, index)] ?? overset.firstWord;
}
