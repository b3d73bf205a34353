/**
 * The head of a story, stacked from the module's top grid line: kicker, headline (fitted), deck
 * and byline; or, on a jump page, the jump headline and a "Continued from" line. Each element
 * takes whole grid lines, so the body below starts on the grid.
 */

import type { Article } from '../model/article.js';
import type { Template } from '../model/template.js';
import { textStyleKey } from '../text/prepareParagraph.js';
import type { SetLine } from '../text/types.js';
import { fitHeadline, sized } from './fitHeadline.js';
import { fitToFill } from './fitToFill.js';
import type { Pt } from './geometry.js';
import { stackLines } from './stackLines.js';
import { memoized, setText, type TypesetContext } from './TypesetContext.js';
import type { PlacedElement } from './types.js';

export type StoryRole = 'lead' | 'secondary' | 'brief';

export interface HeaderLayout {
  elements: PlacedElement[];
  /** Grid lines taken from the module's top. */
  gridLines: number;
  warnings: string[];
  /** The byline, when it is to open the first column of the body instead (see bylineInBody). */
  byline?: SetLine[];
}

/** Room between a kicker's baseline and the capitals of the headline under it, beyond the grid's. */
const KICKER_CLEARANCE = 4;

/** Decks wider than this are hard to read at deck sizes: they span fewer columns than the headline. */
const MAX_DECK_WIDTH = 420;

/** Makeup: a deck may grow this much past its size to fill its lines (a headline keeps its ladder size). */
const FILL_DECK_GROWTH = 1.4;

/** A makeup headline size may be fitted down to this share of itself (a long headline, a narrow module). */
const HEADLINE_FLOOR = 0.75;

export function layoutStoryHeader(
  ctx: TypesetContext,
  t: Template,
  article: Article,
  role: StoryRole,
  x: Pt,
  topLine: number,
  headlineWidth: Pt,
  continuedFrom?: string,
  /** The makeup's headline size for this module (its ladder); absent: the role's style. */
  headlineSize?: number,
  /**
   * Makeup, no photo under the head: the byline opens the first column of the body rather than
   * taking a line of its own across the module (whose white would stand beside it).
   */
  bylineInBody = false,
): HeaderLayout {
  const elements: PlacedElement[] = [];
  const warnings: string[] = [];
  const lang = article.language;
  let line = topLine;
  const yOf = (l: number) => t.typeArea.y + l * t.baseline;
  const add = (text: string, style: Template['styles'][keyof Template['styles']], width: Pt, gap = 0) => {
    const block = stackLines(
      setText(ctx, text, style, width, lang),
      style,
      ctx.shaper,
      x,
      yOf(line),
      t.baseline,
      gap,
    );
    elements.push({ kind: 'lines', lines: block.lines });
    line += block.gridLines;
  };

  if (continuedFrom) {
    const fitted = fitHeadline(ctx, article.headline, t.styles.jumpHeadline, headlineWidth, lang);
    const block = stackLines(
      fitted.lines,
      fitted.style,
      ctx.shaper,
      x,
      yOf(line),
      t.baseline,
      t.baseline / 2,
    );
    elements.push({ kind: 'lines', lines: block.lines });
    line += block.gridLines;
    add(`Continued from page ${continuedFrom}`, t.styles.jump, headlineWidth);
    line += 1;
    return { elements, gridLines: line - topLine, warnings };
  }

  if (article.kicker && role !== 'brief') add(article.kicker, t.styles.kicker, headlineWidth);
  const roleStyle =
    role === 'lead'
      ? t.styles.headline
      : role === 'secondary'
        ? t.styles.headlineSecondary
        : t.styles.headlineBrief;
  const style =
    headlineSize === undefined
      ? roleStyle
      : {
          ...roleStyle,
          size: headlineSize,
          leading: (roleStyle.leading * headlineSize) / roleStyle.size,
          minSize: Math.min(roleStyle.minSize, headlineSize * HEADLINE_FLOOR),
        };
  // Page makeup asks for a head without holes: every line of headline and deck into the last column.
  const fill = headlineSize !== undefined;
  const headKey = () =>
    `head|${article.headline}|${textStyleKey(style)}|${style.minSize}|${style.maxLines}|${headlineWidth}|${lang}`;
  const filled = fill
    ? memoized(
        ctx,
        () => `fill|${headKey()}`,
        () =>
          fitToFill(
            ctx,
            article.headline,
            style,
            headlineWidth,
            t.columnWidth,
            { min: style.minSize, max: style.size, maxLines: style.maxLines },
            lang,
            sized,
          ),
      )
    : undefined;
  const fitted = filled
    ? { ...filled, fits: true }
    : memoized(ctx, headKey, () => fitHeadline(ctx, article.headline, style, headlineWidth, lang));
  if (!fitted.fits) {
    warnings.push(
      `headline needs more than ${style.maxLines} lines at ${Number(style.minSize.toFixed(1))} pt: set in ${fitted.lines.length} lines at ${fitted.style.size.toFixed(1)} pt`,
    );
  }
  // Under a kicker, the headline's capitals keep clear of the kicker's baseline.
  const drop = article.kicker && role !== 'brief' ? KICKER_CLEARANCE : 0;
  const headline = stackLines(
    fitted.lines,
    fitted.style,
    ctx.shaper,
    x,
    yOf(line) + drop,
    t.baseline,
    t.baseline * 0.6 + drop,
  );
  elements.push({ kind: 'lines', lines: headline.lines });
  line += headline.gridLines;
  const deckText = article.deck;
  if (deckText && role !== 'brief') {
    const deckStyle =
      role === 'lead'
        ? t.styles.deck
        : { ...t.styles.deck, size: t.styles.deck.size * 0.8, leading: t.styles.deck.leading * 0.8 };
    const deck = fill
      ? memoized(
          ctx,
          () => `deck|${deckText}|${JSON.stringify(deckStyle)}|${headlineWidth}|${lang}`,
          () =>
            fitToFill(
              ctx,
              deckText,
              deckStyle,
              headlineWidth,
              t.columnWidth,
              { min: deckStyle.size * 0.9, max: deckStyle.size * FILL_DECK_GROWTH, maxLines: 4 },
              lang,
              (st, size) => ({ ...st, size, leading: (st.leading * size) / st.size }),
            ),
        )
      : undefined;
    if (deck) {
      const block = stackLines(
        deck.lines,
        deck.style,
        ctx.shaper,
        x,
        yOf(line),
        t.baseline,
        t.baseline * 0.5,
      );
      elements.push({ kind: 'lines', lines: block.lines });
      line += block.gridLines;
    } else add(deckText, deckStyle, Math.min(headlineWidth, MAX_DECK_WIDTH), t.baseline * 0.5);
  }
  if (article.byline && bylineInBody) {
    const byline = setText(ctx, article.byline, t.styles.byline, t.columnWidth, lang).slice(0, 1);
    return { elements, gridLines: line - topLine + 1, warnings, byline };
  }
  if (article.byline) add(article.byline, t.styles.byline, headlineWidth);
  // The line of white under the head; in makeup the byline's short line is white enough.
  if (role !== 'brief' && !(fill && article.byline)) line += 1;
  return { elements, gridLines: line - topLine, warnings };
}
