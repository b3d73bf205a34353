/**
 * Property tests over random but valid inputs: templates (trim, margins, columns, gutter, baseline),
 * articles (paragraphs, subheads, datelines, long words, other scripts) and modules anywhere on the
 * grid. Whatever the input, layout must not throw, must set every word once, in order, or report the
 * rest as overset, must put body baselines on the grid and must keep every element in its module.
 * The fake font (every glyph half an em) keeps it fast; bench/fuzz.mjs covers the real fonts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameOnPage, layoutPage } from '../../src/layout/layoutPage.js';
import type { StoryLayout } from '../../src/layout/layoutStory.js';
import { frameRect, type StoryFrame } from '../../src/layout/StoryFrame.js';
import { baselineOffset } from '../../src/layout/stackLines.js';
import type { Article } from '../../src/model/article.js';
import { loadFontCatalog } from '../../src/model/fontCatalog.js';
import { parseWithSchema } from '../../src/model/parseWithSchema.js';
import { resolveTemplate } from '../../src/model/resolveTemplate.js';
import { TemplateSchema } from '../../src/model/schema/templateSchema.js';
import type { Template } from '../../src/model/template.js';
import { fakeContext, wordKey } from '../support/fakeContext.js';

const ctx = fakeContext({ '/photo/wide.jpg': { width: 3000, height: 2000 } });
const catalog = loadFontCatalog();
const EPS = 0.01;

const templateArb = fc
  .record({
    width: fc.integer({ min: 250, max: 1000 }),
    height: fc.integer({ min: 350, max: 1600 }),
    top: fc.integer({ min: 0, max: 72 }),
    bottom: fc.integer({ min: 0, max: 72 }),
    left: fc.integer({ min: 0, max: 72 }),
    right: fc.integer({ min: 0, max: 72 }),
    columns: fc.integer({ min: 1, max: 10 }),
    gutter: fc.integer({ min: 0, max: 24 }),
    baseline: fc.double({ min: 8, max: 16, noNaN: true }).map((b) => Math.round(b * 4) / 4),
    flag: fc.boolean(),
  })
  .filter((r) => (toTemplate(r)?.gridLines ?? 0) >= 16);

interface TemplateInput {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  columns: number;
  gutter: number;
  baseline: number;
  flag: boolean;
}

/** Each random template is asked for several times (filter, module bounds, the run): made once. */
const templates = new Map<string, Template | undefined>();

/** A template from random numbers, or undefined when resolveTemplate refuses it (with an InputError). */
function toTemplate(r: TemplateInput): Template | undefined {
  const key = JSON.stringify(r);
  if (!templates.has(key)) templates.set(key, makeTemplate(r));
  return templates.get(key);
}

function makeTemplate(r: TemplateInput): Template | undefined {
  {
    const areaWidth = r.width - r.left - r.right;
    // As many columns as fit at the smallest column width resolveTemplate accepts.
    const columns = Math.max(1, Math.min(r.columns, Math.floor((areaWidth + r.gutter) / (40 + r.gutter))));
    const data = parseWithSchema(
      TemplateSchema,
      {
        name: 'random',
        trim: { width: r.width, height: r.height },
        margins: { top: r.top, right: r.right, bottom: r.bottom, left: r.left },
        columns,
        gutter: r.gutter,
        baseline: r.baseline,
        ...(r.flag && { flag: { title: 'The Random Times', depth: 4 } }),
        styles: { headline: { size: 24, minSize: 12 } },
      },
      'random.json',
    );
    try {
      return resolveTemplate(data, 'random.json', catalog);
    } catch {
      return undefined; // too narrow or too short for a grid: refused with an InputError, not set
    }
  }
}

const WORDS = ['the', 'council', 'said', 'on', 'Tuesday', 'budget', 'a', 'newspaper', 'extraordinarily'];
const wordArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'x'.repeat(60),
      'Donaudampfschifffahrtsgesellschaftskapitän',
      'e.g.',
      '“quoted”',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('中文新闻', 'עברית', 'हिन्दी', '😀', 'naïve', 'zero\u200bwidth', 'C\u0327a'),
  },
);
const paragraphArb = fc.array(wordArb, { minLength: 1, maxLength: 120 }).map((w) => w.join(' '));
const articleArb = fc
  .record({
    blocks: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: paragraphArb },
        { weight: 1, arbitrary: paragraphArb.map((p) => ({ subhead: p.slice(0, 30) || 'Subhead' })) },
      ),
      { maxLength: 8 },
    ),
    dateline: fc.option(fc.constantFrom('SPRINGFIELD', 'Phnom Penh'), { nil: undefined }),
    photo: fc.boolean(),
    quote: fc.boolean(),
  })
  .map(
    (r): Article => ({
      file: 'random.json',
      id: 'random',
      language: 'en-US',
      headline: 'Council reconsiders the budget',
      ...(r.dateline && { dateline: r.dateline }),
      body: r.blocks.map((b) =>
        typeof b === 'string'
          ? { kind: 'paragraph', runs: [{ text: b }] }
          : { kind: 'subhead', text: b.subhead },
      ),
      pullQuotes: r.quote ? [{ text: 'We will reconsider the budget', attribution: 'The mayor' }] : [],
      photos: r.photo
        ? [{ source: '/photo/wide.jpg', file: 'wide.jpg', caption: 'A caption', credit: 'Credit' }]
        : [],
    }),
  );

const caseArb = templateArb.chain((input) =>
  fc.record({
    input: fc.constant(input),
    front: fc.boolean(),
    article: articleArb,
    role: fc.constantFrom('lead' as const, 'secondary' as const, 'brief' as const),
    column: fc.integer({ min: 0, max: toTemplate(input)!.columns - 1 }),
    span: fc.integer({ min: 1, max: toTemplate(input)!.columns }),
    topFraction: fc.double({ min: 0, max: 0.7, noNaN: true }),
    depthFraction: fc.double({ min: 0.1, max: 1, noNaN: true }),
  }),
);

function articleWords(a: Article): string[] {
  return a.body
    .flatMap((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.text).split(/\s+/u))
    .map(wordKey)
    .filter(Boolean);
}

describe('layout over random valid templates, articles and modules', () => {
  it('never throws, loses no word, keeps baselines on the grid and elements in their modules', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { front, article } = c;
        const t = toTemplate(c.input)!;
        const lines = t.gridLines - (front && t.flag ? t.flag.depth : 2);
        fc.pre(lines >= 8);
        const columns = Math.min(c.span, t.columns - c.column);
        const top = Math.floor(c.topFraction * (lines - 4));
        const depth = Math.max(4, Math.floor(c.depthFraction * (lines - top)));
        const frame: StoryFrame = { column: c.column, columns, top, depth: Math.min(depth, lines - top) };
        const layout = layoutPage(ctx, {
          info: { label: 'A1', section: 'News', date: '2026-11-29', edition: 'Test', newspaper: 'Test' },
          template: t,
          front,
          stories: [{ article, frame, role: c.role, headlineColumns: columns, photos: true }],
          ads: [],
        });
        const story = layout.stories[0] as StoryLayout;
        const report = layout.report.stories[0]!;

        // Every word once, in order, or reported overset from the first word not set.
        const expected = articleWords(article);
        let placed = story.body
          .flatMap((l) => l.line.words)
          .map(wordKey)
          .filter(Boolean);
        if (article.dateline && placed.length > 0) {
          const dl = article.dateline.split(/\s+/u).map((w) => wordKey(w).toUpperCase());
          if (dl.every((w, i) => placed[i]!.toUpperCase() === w)) placed = placed.slice(dl.length);
        }
        expect(placed).toEqual(expected.slice(0, placed.length));
        if (placed.length < expected.length) {
          expect(report.oversetLines).toBeGreaterThan(0);
          // The report names the article's word as written; one without letters (an emoji) has no key.
          const from = wordKey(report.oversetFrom ?? '');
          if (from) expect(from).toBe(expected[placed.length]);
        } else expect(report.oversetLines).toBe(0);

        // Body baselines on the grid; every line and photo inside the module.
        const module = frameRect(t, frameOnPage(t, front, frame));
        for (const { x, y, line } of story.body) {
          const k = (y - t.typeArea.y - baselineOffset(t.baseline)) / t.baseline;
          expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
          expect(x).toBeGreaterThanOrEqual(module.x - EPS);
          expect(x + line.width).toBeLessThanOrEqual(module.x + module.width + EPS);
          expect(y).toBeGreaterThan(module.y);
          expect(y).toBeLessThanOrEqual(module.y + module.height + EPS);
        }
        for (const el of story.elements) {
          if (el.kind === 'lines')
            for (const { x, y, line } of el.lines) {
              expect(x).toBeGreaterThanOrEqual(module.x - EPS);
              expect(x + line.width).toBeLessThanOrEqual(module.x + module.width + EPS);
              expect(y).toBeLessThanOrEqual(module.y + module.height + EPS);
            }
          if (el.kind === 'photo') {
            expect(el.rect.x).toBeGreaterThanOrEqual(module.x - EPS);
            expect(el.rect.x + el.rect.width).toBeLessThanOrEqual(module.x + module.width + EPS);
            expect(el.rect.y + el.rect.height).toBeLessThanOrEqual(module.y + module.height + EPS);
          }
        }
      }),
      { numRuns: 1000, seed: 20261129 },
    );
  });
});
