/**
 * A whole page: furniture (flag or folio), every story module, advertisements, and hairline rules
 * between neighbouring modules. Modules are given in grid terms relative to the content area below
 * the furniture; they must lie inside the grid and must not overlap (checked by the caller that
 * knows the plan's file and fields: see edition/resolvePage.ts).
 */
import { columnX, type Template } from '../model/template.js';
import type { TextStyle } from '../text/types.js';
import type { Pt, Rect } from './geometry.js';
import { layoutFurniture, type PageInfo } from './layoutFurniture.js';
import { layoutStory, type StoryLayout, type StoryPlan } from './layoutStory.js';
import { frameRect, type StoryFrame } from './StoryFrame.js';
import { baselineOffset } from './stackLines.js';
import { setText, type TypesetContext } from './TypesetContext.js';
import type { PageLayout, PageReport, PlacedElement } from './types.js';

export interface AdPlan {
  frame: StoryFrame;
  /** Artwork (absolute path), placed whole and centred; absent: an empty labelled box. */
  source?: string;
  label: string;
  /** The paper's own promotion, typeset (no artwork): its name and a line of copy. */
  house?: { newspaper: string };
}

export interface PageSpec {
  info: PageInfo;
  template: Template;
  front: boolean;
  stories: StoryPlan[];
  ads: AdPlan[];
  /** From page makeup: what it held and its score, carried into the report. */
  held?: PageReport['held'];
  makeup?: PageReport['makeup'];
  /** What makeup did that the desk should know of (a house ad in white the stories left). */
  notes?: string[];
}

/** Grid lines the furniture takes; story and ad frames in a PageSpec are relative to it. */
export function contentTop(t: Template, front: boolean): number {
  return front && t.flag ? t.flag.depth : 2;
}

/**
 * Where a plan's frame lies on the page: below the furniture, and, for a module under another,
 * without its first grid line, which holds the hairline that separates them.
 */
export function frameOnPage(t: Template, front: boolean, f: StoryFrame): StoryFrame {
  const offset = contentTop(t, front);
  const depth = Math.min(f.depth, t.gridLines - offset - f.top);
  return f.top > 0
    ? { ...f, top: f.top + offset + 1, depth: depth - 1 }
    : { ...f, top: f.top + offset, depth };
}

export function layoutPage(ctx: TypesetContext, spec: PageSpec): PageLayout & { stories: StoryLayout[] } {
  const t = spec.template;
  const furniture = layoutFurniture(ctx, t, spec.info, spec.front);
  const offset = furniture.gridLines;
  const place = (f: StoryFrame): StoryFrame => ({
    ...f,
    top: f.top + offset,
    depth: Math.min(f.depth, t.gridLines - offset - f.top),
  });
  const shift = (f: StoryFrame) => frameOnPage(t, spec.front, f);
  const elements: PlacedElement[] = [...furniture.elements];
  const stories = spec.stories.map((s) => layoutStory(ctx, t, { ...s, frame: shift(s.frame) }));
  for (const s of stories) elements.push(...s.elements);
  for (const ad of spec.ads) elements.push(...layoutAd(ctx, t, { ...ad, frame: shift(ad.frame) }));
  const frames = [...spec.stories.map((s) => place(s.frame)), ...spec.ads.map((a) => place(a.frame))].map(
    (f) => frameRect(t, f),
  );
  elements.push(...rulesBetween(t, frames, offset));
  for (let line = 0; line < t.gridLines; line++) {
    const y = t.typeArea.y + line * t.baseline + baselineOffset(t.baseline);
    elements.push({
      kind: 'debug',
      rect: { x: t.typeArea.x, y, width: t.typeArea.width, height: 0 },
      label: `line ${line}`,
      category: 'baseline',
    });
  }
  for (let c = 0; c < t.columns; c++) {
    const x = columnX(t, c);
    elements.push({
      kind: 'debug',
      rect: { x, y: t.typeArea.y, width: t.columnWidth, height: t.typeArea.height },
      label: `column ${c + 1}`,
      category: 'column',
    });
  }
  return {
    label: spec.info.label,
    width: t.trim.width,
    height: t.trim.height,
    bleed: t.bleed,
    elements,
    stories,
    report: {
      page: spec.info.label,
      template: t.name,
      stories: stories.map((s) => s.report),
      warnings: [
        ...(spec.held ?? []).map((h) => `held: "${h.headline}" (${h.article}): ${h.reason}`),
        ...(spec.notes ?? []),
      ],
      ...(spec.held?.length && { held: spec.held }),
      ...(spec.makeup && { makeup: spec.makeup }),
    },
  };
}

function layoutAd(ctx: TypesetContext, t: Template, ad: AdPlan): PlacedElement[] {
  const rect = frameRect(t, ad.frame);
  const inner = {
    x: rect.x,
    y: rect.y + t.baseline / 2,
    width: rect.width,
    height: rect.height - t.baseline,
  };
  const out: PlacedElement[] = [];
  const info = ad.source ? ctx.photos.get(ad.source) : undefined;
  if (ad.source && info) {
    // Artwork is placed whole, scaled to fit the box and centred: an ad is never cropped.
    const scale = Math.min(inner.width / info.width, inner.height / info.height);
    const w = info.width * scale;
    const h = info.height * scale;
    out.push({
      kind: 'photo',
      rect: { x: inner.x + (inner.width - w) / 2, y: inner.y + (inner.height - h) / 2, width: w, height: h },
      source: ad.source,
      crop: { x: 0, y: 0, width: info.width, height: info.height },
      ppi: info.width / (w / 72),
    });
  } else if (ad.house) {
    out.push(...layoutHouseAd(ctx, t, inner, ad.house.newspaper));
  } else {
    out.push({ kind: 'rect', rect: inner, stroke: { width: 0.5, color: t.rules.color } });
    const label = setText(ctx, ad.label, t.styles.adLabel, inner.width);
    out.push({
      kind: 'lines',
      lines: label.slice(0, 1).map((line) => ({ x: inner.x, y: inner.y + inner.height / 2 + 3, line })),
    });
  }
  out.push({ kind: 'debug', rect, label: ad.label, category: 'module' });
  return out;
}

/** The copy of a house ad, under the paper's name. */
const HOUSE_AD_COPY = 'Every morning, at your door. Subscribe today.';

/**
 * A house ad, typeset: a double rule around the box, the paper's name in the flag's face as
 * large as fits one line and about a third of the box's depth, and a line of copy under it in
 * the deck's face, the two centred together. A box too shallow for the copy shows the name alone.
 */
function layoutHouseAd(ctx: TypesetContext, t: Template, box: Rect, newspaper: string): PlacedElement[] {
  const pad = t.baseline;
  const out: PlacedElement[] = [
    { kind: 'rect', rect: box, stroke: { width: 1.5, color: t.rules.color } },
    {
      kind: 'rect',
      rect: { x: box.x + 3, y: box.y + 3, width: box.width - 6, height: box.height - 6 },
      stroke: { width: 0.5, color: t.rules.color },
    },
  ];
  const width = box.width - 2 * pad;
  const room = box.height - 2 * pad;
  if (width <= 0 || room <= 0) return out;
  const oneLine = (text: string, style: TextStyle, most: Pt) => {
    let size = Math.min(style.size, most);
    let lines = setText(ctx, text, { ...style, size, leading: size, align: 'center' }, width);
    for (let step = 0; lines.length > 1 && step < 40; step++) {
      size *= 0.95;
      lines = setText(ctx, text, { ...style, size, leading: size, align: 'center' }, width);
    }
    return { line: lines[0], size };
  };
  const name = oneLine(newspaper, t.styles.flag, room / 3);
  const copy = oneLine(HOUSE_AD_COPY, t.styles.deck, Math.min(t.styles.deck.size, name.size / 2));
  // The block runs from the name's cap height to the copy's descenders (or the name's, alone).
  const nameFace = ctx.shaper.metrics(t.styles.flag.font);
  const copyFace = ctx.shaper.metrics(t.styles.deck.font);
  const nameCap = nameFace.capHeight * name.size;
  const nameDescent = -nameFace.descender * name.size;
  const copyDrop = nameDescent + copy.size * 0.4 + copyFace.capHeight * copy.size;
  const copyDescent = -copyFace.descender * copy.size;
  const withCopy = nameCap + copyDrop + copyDescent <= room;
  const block = nameCap + (withCopy ? copyDrop + copyDescent : nameDescent);
  let y = box.y + (box.height - block) / 2 + nameCap;
  const lines = [];
  if (name.line) lines.push({ x: box.x + pad, y, line: name.line });
  y += copyDrop;
  if (withCopy && copy.line) lines.push({ x: box.x + pad, y, line: copy.line });
  out.push({ kind: 'lines', lines });
  return out;
}

/**
 * Hairlines in the white between modules: vertical in the gutter between side-by-side modules,
 * horizontal in the first grid line of a module that sits under another (kept empty for it).
 */
function rulesBetween(t: Template, frames: readonly Rect[], contentTopLine: number): PlacedElement[] {
  const out: PlacedElement[] = [];
  const w = t.rules.width;
  const color = t.rules.color;
  const eps = 0.5;
  const top = t.typeArea.y + contentTopLine * t.baseline;
  for (const a of frames) {
    for (const b of frames) {
      if (a === b) continue;
      // b is right of a, separated by one gutter.
      if (Math.abs(b.x - (a.x + a.width + t.gutter)) < eps) {
        const y0 = Math.max(a.y, b.y);
        const y1 = Math.min(a.y + a.height, b.y + b.height);
        if (y1 - y0 > t.baseline) {
          const x = a.x + a.width + t.gutter / 2;
          const from = y0 > top + eps ? y0 + t.baseline : y0;
          out.push({
            kind: 'rule',
            from: { x, y: from },
            to: { x, y: y1 - t.baseline / 4 },
            width: w,
            color,
          });
        }
      }
    }
    if (a.y > top + eps) {
      const y = a.y + t.baseline / 2;
      out.push({ kind: 'rule', from: { x: a.x, y }, to: { x: a.x + a.width, y }, width: w, color });
    }
  }
  return out;
}
