import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rectContains, rectsOverlap } from '../../src/layout/geometry.js';
import { layoutStory, type StoryPlan } from '../../src/layout/layoutStory.js';
import { frameRect } from '../../src/layout/StoryFrame.js';
import { baselineOffset } from '../../src/layout/stackLines.js';
import type { Article } from '../../src/model/article.js';
import { loadTemplate } from '../../src/model/loadTemplate.js';
import { fakeContext, wordKey } from '../support/fakeContext.js';

const t = loadTemplate('broadsheet');
const ctx = fakeContext({
  '/photo/wide.jpg': { width: 3000, height: 2000 },
  '/photo/tall.jpg': { width: 1500, height: 2400 },
});
const VOCAB = [
  'minister',
  'said',
  'on',
  'Tuesday',
  'that',
  'the',
  'council',
  'would',
  'reconsider',
  'budget',
  'protest',
  'a',
  'newspaper',
  'extraordinarily',
];

const article = (paragraphs: number[], photos: number, quote: boolean, dateline: boolean): Article => ({
  file: 'test.json',
  id: 'test',
  language: 'en-US',
  headline: 'Council reconsiders the budget after protest',
  ...(dateline && { dateline: 'Springfield' }),
  body: paragraphs.map((n, p) => ({
    kind: 'paragraph' as const,
    runs: [{ text: Array.from({ length: n }, (_, i) => VOCAB[(i * 5 + p) % VOCAB.length]).join(' ') }],
  })),
  pullQuotes: quote ? [{ text: 'We will reconsider the budget', attribution: 'The minister' }] : [],
  photos: ['/photo/wide.jpg', '/photo/tall.jpg'].slice(0, photos).map((source, i) => ({
    source,
    file: source,
    caption: 'The council in session on Tuesday.',
    credit: 'Staff',
    ...(i > 0 && { afterParagraph: 2 }),
  })),
});

const arbitraryPlan = fc
  .record({
    paragraphs: fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 14 }),
    photos: fc.integer({ min: 0, max: 2 }),
    quote: fc.boolean(),
    dateline: fc.boolean(),
    column: fc.integer({ min: 0, max: 5 }),
    columns: fc.integer({ min: 1, max: 6 }),
    top: fc.integer({ min: 0, max: 40 }),
    depth: fc.integer({ min: 30, max: 120 }),
    role: fc.constantFrom('lead' as const, 'secondary' as const, 'brief' as const),
  })
  .map((r): StoryPlan => {
    const columns = Math.min(r.columns, t.columns - r.column);
    return {
      article: article(r.paragraphs, r.photos, r.quote, r.dateline),
      frame: { column: r.column, columns, top: r.top, depth: Math.min(r.depth, t.gridLines - r.top) },
      role: r.role,
      headlineColumns: columns,
      photos: true,
    };
  });

describe('layoutStory', () => {
  it('keeps every element inside its module, floats clear of each other and of the body text', () => {
    fc.assert(
      fc.property(arbitraryPlan, (plan) => {
        const story = layoutStory(ctx, t, plan);
        const module = frameRect(t, plan.frame);
        const floats = story.elements.flatMap((e) =>
          e.kind === 'photo' ? [e.rect] : e.kind === 'debug' && e.category === 'frame' ? [e.rect] : [],
        );
        const lineBoxes = story.body.map((l) => ({
          x: l.x,
          y: l.y - t.styles.body.size * 0.7,
          width: l.line.width,
          height: t.styles.body.size * 0.9,
        }));
        for (const f of floats) expect(rectContains(module, f, 0.01)).toBe(true);
        for (const box of lineBoxes) expect(rectContains(module, box, 0.01)).toBe(true);
        for (let i = 0; i < floats.length; i++) {
          for (let j = i + 1; j < floats.length; j++) {
            if (
              floats[i] !== floats[j] &&
              !rectContains(floats[i]!, floats[j]!) &&
              !rectContains(floats[j]!, floats[i]!)
            )
              expect(rectsOverlap(floats[i]!, floats[j]!)).toBe(false);
          }
          for (const box of lineBoxes) expect(rectsOverlap(floats[i]!, box)).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("sets every body baseline on the page's baseline grid", () => {
    fc.assert(
      fc.property(arbitraryPlan, (plan) => {
        for (const line of layoutStory(ctx, t, plan).body) {
          const grid = (line.y - t.typeArea.y - baselineOffset(t.baseline)) / t.baseline;
          expect(Math.abs(grid - Math.round(grid))).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('places every word of the body once, in order, or reports the rest as overset', () => {
    fc.assert(
      fc.property(arbitraryPlan, (plan) => {
        const story = layoutStory(ctx, t, plan);
        const all = plan.article.body.flatMap((b) =>
          (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.text).split(/\s+/),
        );
        const prefix = plan.article.dateline ? 2 : 0; // "SPRINGFIELD —"
        const placed = story.body.flatMap((l) => l.line.words).slice(prefix);
        expect(placed.map(wordKey)).toEqual(all.slice(0, placed.length).map(wordKey));
        const r = story.report;
        expect(r.wordsPlaced).toBe(placed.length);
        expect(r.wordsTotal).toBe(all.length);
        if (placed.length < all.length) {
          expect(r.oversetLines).toBeGreaterThan(0);
          expect(wordKey(r.oversetFrom ?? '')).toBe(wordKey(all[placed.length]!));
        } else expect(r.oversetLines).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('continues a jumped story exactly where the first part stopped', () => {
    const plan: StoryPlan = {
      article: article([60, 80, 40, 70, 50], 1, true, true),
      frame: { column: 0, columns: 2, top: 0, depth: 60 },
      role: 'lead',
      headlineColumns: 2,
      photos: true,
      continuesOn: 'A7',
    };
    const first = layoutStory(ctx, t, plan);
    expect(first.resume).toBeDefined();
    expect(first.report.jumpedLines).toBeGreaterThan(0);
    const rest = layoutStory(ctx, t, {
      ...plan,
      frame: { column: 0, columns: 3, top: 0, depth: 120 },
      continuesOn: undefined,
      continuedFrom: 'A1',
      resume: first.resume,
    });
    const all = plan.article.body.flatMap((b) =>
      (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.text).split(/\s+/),
    );
    const words = [
      ...first.body.flatMap((l) => l.line.words).slice(2),
      ...rest.body.flatMap((l) => l.line.words),
    ];
    expect(words.map(wordKey)).toEqual(all.map(wordKey));
  });
});
