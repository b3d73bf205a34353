/**
 * A pull quote as a float: a heavy rule, the quotation in large italic, the attribution, a hairline
 * rule; rounded to whole grid lines, with a grid line of white above and below for the body.
 */
import type { ArticlePullQuote } from '../model/article.js';
import type { Template } from '../model/template.js';
import type { Pt } from './geometry.js';
import type { Float } from './placePhoto.js';
import { stackLines } from './stackLines.js';
import { setText, type TypesetContext } from './TypesetContext.js';
import type { PlacedElement } from './types.js';

const TOP_RULE = 2;
const BOTTOM_RULE = 0.5;

/** Lays out a pull quote `width` wide from grid line `line` (its rule sits on that line's top). */
export function placePullQuote(
  ctx: TypesetContext,
  t: Template,
  quote: ArticlePullQuote,
  x: Pt,
  line: number,
  width: Pt,
  language: string,
): Float {
  const gridTop = t.typeArea.y;
  const top = gridTop + line * t.baseline;
  const qs = t.styles.pullQuote;
  const as = t.styles.pullQuoteAttribution;
  const text = `\u201C${quote.text.replace(/^["\u201C]|["\u201D]$/g, '')}\u201D`;
  const quoteBlock = stackLines(
    setText(ctx, text, qs, width, language),
    qs,
    ctx.shaper,
    x,
    top + t.baseline,
    t.baseline,
  );
  let bottomLine = line + 1 + quoteBlock.gridLines;
  const elements: PlacedElement[] = [
    {
      kind: 'rule',
      from: { x, y: top + TOP_RULE / 2 },
      to: { x: x + width, y: top + TOP_RULE / 2 },
      width: TOP_RULE,
      color: t.rules.color,
    },
    { kind: 'lines', lines: quoteBlock.lines },
  ];
  if (quote.attribution) {
    const attr = stackLines(
      setText(ctx, quote.attribution, as, width, language),
      as,
      ctx.shaper,
      x,
      gridTop + bottomLine * t.baseline,
      t.baseline,
    );
    elements.push({ kind: 'lines', lines: attr.lines });
    bottomLine += attr.gridLines;
  }
  const ruleY = gridTop + bottomLine * t.baseline + t.baseline / 2;
  elements.push({
    kind: 'rule',
    from: { x, y: ruleY },
    to: { x: x + width, y: ruleY },
    width: BOTTOM_RULE,
    color: t.rules.color,
  });
  const bottom = gridTop + (bottomLine + 1) * t.baseline;
  const rect = { x, y: top, width, height: bottom - top };
  return {
    rect,
    // One grid line of white above the top rule and below the bottom rule.
    exclusion: {
      x: x - t.gutter / 2,
      y: top - t.baseline,
      width: width + t.gutter,
      height: bottom - top + 2 * t.baseline,
    },
    elements: [...elements, { kind: 'debug', rect, label: 'pull quote', category: 'frame' }],
    gridLines: bottomLine + 1 - line,
  };
}
