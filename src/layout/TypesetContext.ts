/**
 * Everything layout needs from outside, passed explicitly: the shaper (fonts opened once at load
 * time), the text engines (total-fit or greedy) and photo sizes probed at load time.
 */

import { textStyleKey } from '../text/prepareParagraph.js';
import type {
  BreakParams,
  Engines,
  InlineRun,
  PreparedParagraph,
  SetLine,
  Shaper,
  TextStyle,
} from '../text/types.js';
import type { Pt } from './geometry.js';

export interface PhotoInfo {
  /** Pixel size after EXIF orientation. */
  width: number;
  height: number;
}

export interface TypesetContext {
  shaper: Shaper;
  engines: Engines;
  params?: Partial<BreakParams>;
  /** Probed photos by absolute path; a photo missing here is reported, not placed. */
  photos: ReadonlyMap<string, PhotoInfo>;
  /**
   * Page makeup lays one story out many times: with a memo, its prepared body and its paragraphs'
   * breaks are kept from one layout to the next (a pure cache: results are the same without it).
   */
  memo?: LayoutMemo;
}

export interface LayoutMemo {
  /** The prepared body of a story from a resume point, made once. */
  body<T>(key: object, resume: string, make: () => T): T;
  /** Paragraph breaks, shared by every layout that uses the memo. */
  lines: unknown;
  /** Any other pure result, by a key that says everything it depends on (a head's fitted lines). */
  value<T>(key: string, make: () => T): T;
}

/** `make()`, or the memo's kept result for `key` when the context has a memo. */
export function memoized<T>(ctx: TypesetContext, key: () => string, make: () => T): T {
  return ctx.memo ? ctx.memo.value(key(), make) : make();
}

/** Prepared bodies by story (and resume point): may be shared by memos, see createLayoutMemo. */
export type PreparedBodies = WeakMap<object, Map<string, unknown>>;

/**
 * A memo; `bodies` and `values` may be shared with other memos (prepared bodies and short texts
 * are small beside the breaks of every measure a page tried, which each memo keeps for itself
 * and drops with it). A shared `values` must only meet layouts of one template and one context:
 * its keys name the text, style and width, not the template's column width or break parameters.
 */
export function createLayoutMemo(
  createLines: () => unknown,
  bodies: PreparedBodies = new WeakMap(),
  values: Map<string, unknown> = new Map(),
): LayoutMemo {
  return {
    body<T>(key: object, resume: string, make: () => T): T {
      let byResume = bodies.get(key);
      if (!byResume) {
        byResume = new Map();
        bodies.set(key, byResume);
      }
      if (!byResume.has(resume)) byResume.set(resume, make());
      return byResume.get(resume) as T;
    },
    lines: createLines(),
    value<T>(key: string, make: () => T): T {
      if (!values.has(key)) values.set(key, make());
      return values.get(key) as T;
    },
  };
}

/** The memo key of a short text: its characters, or its runs with their emphasis. */
function textKey(text: string | readonly InlineRun[]): string {
  return typeof text === 'string' ? text : JSON.stringify(text);
}

/**
 * A piece of text prepared for breaking, once per content with a memo: a headline tried across
 * module widths is prepared once per size, and a body paragraph read again from its file (watch
 * mode, after a save) is the same object, with the memo's breaks of it, if the save left it alone.
 */
export function prepareText(
  ctx: TypesetContext,
  text: string | readonly InlineRun[],
  style: TextStyle,
  language = 'en-US',
  indentFirstLine = false,
): PreparedParagraph {
  return memoized(
    ctx,
    () => `prep|${textKey(text)}|${textStyleKey(style)}|${language}|${indentFirstLine}`,
    () => {
      const runs = typeof text === 'string' ? [{ text }] : text;
      return ctx.engines.prepare({ runs, style, language, indentFirstLine }, ctx.shaper);
    },
  );
}

/** Sets a short piece of text (a headline, a caption) at one width. */
export function setText(
  ctx: TypesetContext,
  text: string | readonly InlineRun[],
  style: TextStyle,
  width: Pt,
  language = 'en-US',
): SetLine[] {
  return memoized(
    ctx,
    () => `text|${textKey(text)}|${textStyleKey(style)}|${width}|${language}`,
    () => ctx.engines.setLines(prepareText(ctx, text, style, language), { width: () => width }, ctx.params),
  );
}

/** The natural width of a set line: the right edge of its last glyph. */
export function lineInkWidth(line: SetLine): Pt {
  let right = 0;
  for (const run of line.runs) {
    let x = run.x;
    for (const g of run.glyphs) x += g.advance;
    right = Math.max(right, x);
  }
  return right;
}
