/**
 * What `galley layout` prints and writes: each page's plans with their score term by term, and
 * the edition manifest with the chosen plan's positions and choices filled in.
 */
import { dirname, relative, resolve } from 'node:path';
import type { Edition, EditionPage } from '../edition/Edition.js';
import type { PageMakeup } from '../edition/makeUpPagePlan.js';
import { readDataFile } from '../model/readDataFile.js';

export interface MadeUpPage {
  page: EditionPage;
  makeup: PageMakeup | undefined;
}

/** The breaker's looseness in a desk's words: "2 paragraphs a line looser", "1 paragraph a line tighter". */
export function describeLooseness(looseness: Readonly<Record<number, number>> | undefined): string[] {
  const steps = Object.values(looseness ?? {});
  const count = (n: number, how: string) =>
    n === 0 ? [] : [`${n} paragraph${n === 1 ? '' : 's'} a line ${how}`];
  return [
    ...count(steps.filter((s) => s > 0).length, 'looser'),
    ...count(steps.filter((s) => s < 0).length, 'tighter'),
  ];
}

export function formatPlans(pages: readonly MadeUpPage[]): string {
  const out: string[] = [];
  for (const { page, makeup } of pages) {
    if (!makeup) {
      out.push(`${page.label}: placed by hand (nothing to make up)`, '');
      continue;
    }
    makeup.plans.forEach((plan, v) => {
      out.push(`${page.label} variant ${v + 1}: score ${plan.total}`);
      const terms = Object.entries(plan.score).filter(([, n]) => n !== 0);
      out.push(
        `  terms: ${terms.length ? terms.map(([k, n]) => `${k} ${n}`).join(', ') : 'none (a perfect page)'}`,
      );
      for (const m of plan.stories) {
        const s = makeup.stories[m.story]!;
        const c = m.choice;
        const art = [
          c.photoLines !== undefined ? `photo ${c.photoLines} lines` : 'no photo',
          c.quote ? 'pull quote' : '',
          c.jumps ? `jumps to ${s.jump}` : '',
          ...describeLooseness(c.looseness),
        ].filter(Boolean);
        out.push(
          `  ${String(m.story + 1).padStart(2)}. ${m.rect.columns} col x ${m.rect.depth} lines at col ${m.rect.column + 1}, line ${m.rect.top}: ${clip(s.article.headline)} (${art.join(', ')})`,
        );
      }
      for (const h of plan.held)
        out.push(`  held: ${clip(makeup.stories[h.story]!.article.headline)}: ${h.reason}`);
      for (const a of plan.ads)
        out.push(
          `  ad: ${a.rect.columns} col x ${a.rect.depth} lines at col ${a.rect.column + 1}, line ${a.rect.top}: ${makeup.ads[a.ad]!.label}`,
        );
      out.push('');
    });
  }
  return `${out.join('\n')}`;
}

export function plansAsJson(pages: readonly MadeUpPage[]) {
  return pages.map(({ page, makeup }) => ({
    page: page.label,
    plans: makeup?.plans ?? [],
  }));
}

/**
 * The manifest as read, with the made-up pages' stories and ads given positions (1-based
 * columns). A story the plan held stays on its page without a position, so that the plan, set
 * again, reports it held again rather than lose it.
 */
export function manifestWithPositions(
  file: string,
  edition: Edition,
  pages: readonly MadeUpPage[],
  variant: number,
  output: string,
): unknown {
  return positionsInto(readDataFile(file, 'edition'), edition, pages, variant, output, { keepHeld: true });
}

/** The same for a manifest held in memory (one `galley paginate` made), its paths relative to edition.dir. */
export function positionsInto(
  manifest: unknown,
  edition: Edition,
  pages: readonly MadeUpPage[],
  variant: number,
  output: string,
  /** Keep the stories a plan held on their page, unpositioned (pagination has placed them elsewhere). */
  options: { keepHeld?: boolean } = {},
): unknown {
  const data = structuredClone(manifest) as {
    $schema?: string;
    template?: string;
    sections: {
      pages: { template?: string; stories?: Record<string, unknown>[]; ads?: Record<string, unknown>[] }[];
    }[];
  };
  // Paths as seen from where the plan is written, so it sets from there.
  const from = dirname(resolve(output));
  const moved = (path: unknown) =>
    typeof path === 'string' ? relative(from, resolve(edition.dir, path)) || '.' : path;
  const movedTemplate = (t: string | undefined) =>
    t !== undefined && /[\\/]|\.(json|ya?ml)$/i.test(t) ? (moved(t) as string) : t;
  delete data.$schema;
  if (data.template) data.template = movedTemplate(data.template)!;
  for (const section of data.sections)
    for (const p of section.pages) {
      if (p.template) p.template = movedTemplate(p.template)!;
      for (const s of p.stories ?? []) s.article = moved(s.article);
      for (const a of p.ads ?? []) if (a.file) a.file = moved(a.file);
    }
  for (const { page, makeup } of pages) {
    if (!makeup) continue;
    const m = /^sections\[(\d+)\]\.pages\[(\d+)\]$/.exec(page.field);
    if (!m) continue;
    const target = data.sections[Number(m[1])]!.pages[Number(m[2])]!;
    const plan = makeup.plans[Math.min(variant, makeup.plans.length - 1)]!;
    const stories: Record<string, unknown>[] = [];
    for (const placed of plan.stories) {
      const original = { ...(target.stories?.[placed.story] ?? {}) };
      for (const k of ['minColumns', 'maxColumns', 'jump', 'brief']) delete original[k];
      const c = placed.choice;
      const story = makeup.stories[placed.story]!;
      stories.push({
        ...original,
        column: placed.rect.column + 1,
        columns: placed.rect.columns,
        top: placed.rect.top,
        depth: placed.rect.depth,
        role: story.brief ? 'brief' : story.rank === 0 ? 'lead' : 'secondary',
        ...(!c.asPlaced && {
          photoDepth: c.photoLines ?? 0,
          headlineSize: Math.round(c.headlineSize * 100) / 100,
          pullQuote: c.quote,
          ...(c.looseness && { looseness: c.looseness }),
        }),
        ...(c.jumps && story.jump && { continuesOn: story.jump }),
      });
    }
    if (options.keepHeld) for (const h of plan.held) stories.push({ ...(target.stories?.[h.story] ?? {}) });
    target.stories = stories;
    // The page's own ads, then the house ads makeup put in its white.
    target.ads = plan.ads.map(({ ad, rect }) => ({
      ...(target.ads?.[ad] ?? { label: makeup.ads[ad]!.label, house: true }),
      column: rect.column + 1,
      columns: rect.columns,
      top: rect.top,
      depth: rect.depth,
    }));
  }
  return data;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}
