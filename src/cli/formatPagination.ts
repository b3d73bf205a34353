/**
 * The per-page report of a pagination: each page's stories (by slug, with their jumps), its ads,
 * whether it filled, its makeup score; then the stories held and those longer than the desk
 * asked for. As text for the desk, or as JSON.
 */
import type { Pagination } from '../edition/paginateBudget.js';

export interface PageReport {
  page: string;
  section: string;
  stories: { slug: string; continuedFrom?: string; jumpsTo?: string; columns?: number; depth?: number }[];
  ads: string[];
  filled: boolean;
  white: number;
  overset: number;
  score?: number;
  padding?: boolean;
}

export function paginationReport(p: Pagination) {
  const pages: PageReport[] = p.edition.pages.map((page, i) => {
    const planned = p.result.pages[i]!;
    const outcome = p.result.outcomes[i];
    const plan = p.makeups[i]?.plans[0];
    const slots = planned.stories.map((slot, k) => {
      const module = plan?.stories.find((m) => m.story === k);
      const story = page.stories[k]!;
      return {
        slug: p.order[slot.story]!.slug,
        ...(story.continuedFrom && { continuedFrom: story.continuedFrom }),
        ...(module?.choice.jumps &&
          story.jump &&
          continues(p, story.jump, slot.story) && { jumpsTo: story.jump }),
        ...(module && { columns: module.rect.columns, depth: module.rect.depth }),
      };
    });
    return {
      page: page.label,
      section: page.section,
      stories: slots.filter((s) => s.columns !== undefined || planned.padding),
      ads: page.ads.map((a) => a.label),
      filled: outcome?.filled ?? false,
      white: outcome?.white ?? 0,
      overset: outcome?.overset ?? 0,
      ...(plan && { score: plan.total }),
      ...(planned.padding && { padding: true }),
    };
  });
  const held = p.result.held
    .filter((h) => h.story >= 0)
    .map((h) => ({ slug: p.order[h.story]!.slug, field: p.order[h.story]!.field, reason: h.reason }));
  const overLength = p.overLength.map((o) => ({ slug: o.story.slug, words: o.words, wanted: o.wanted }));
  return { pages, held, overLength, kept: p.kept };
}

/** Whether the rest of a story is set on its jump page (not all of it was set where it starts). */
function continues(p: Pagination, label: string, story: number): boolean {
  const to = p.edition.pages.findIndex((page) => page.label === label);
  return to >= 0 && (p.result.outcomes[to]?.placed.includes(story) ?? false);
}

export function formatPagination(p: Pagination): string {
  const r = paginationReport(p);
  const out: string[] = [];
  for (const page of r.pages) {
    const fill = page.padding
      ? 'padding to the plate: a house ad'
      : page.filled
        ? 'filled'
        : `NOT FILLED: ${page.white} grid cells white${page.overset ? `, ${page.overset} lines overset` : ''}`;
    out.push(
      `${page.page} (${page.section}): ${fill}${page.score !== undefined ? `, score ${page.score}` : ''}`,
    );
    for (const s of page.stories) {
      const size = s.columns ? `${s.columns} col x ${s.depth} lines` : '';
      const jump = [
        s.continuedFrom && `continued from ${s.continuedFrom}`,
        s.jumpsTo && `continues on ${s.jumpsTo}`,
      ]
        .filter(Boolean)
        .join(', ');
      out.push(`  ${s.slug}${size ? `: ${size}` : ''}${jump ? ` (${jump})` : ''}`);
    }
    for (const ad of page.ads) out.push(`  ad: ${ad}`);
  }
  const pages = r.pages.length;
  const filled = r.pages.filter((p) => p.filled).length;
  const padding = r.pages.filter((p) => p.padding).length;
  out.push(
    '',
    `${pages} pages (${padding ? `${padding} of padding, ` : ''}${filled} filled), ${p.order.length} stories, ${r.held.length} held`,
  );
  if (r.kept.length > 0)
    out.push(
      `kept as the last run made them: ${r.kept.length} of ${pages - padding} pages (${r.kept.join(', ')})${r.kept.length < pages - padding ? '; the others changed' : ''} (--fresh paginates from scratch)`,
    );
  for (const h of r.held) out.push(`held: ${h.slug} (${h.field}): ${h.reason}`);
  for (const o of r.overLength)
    out.push(
      `long: ${o.slug} runs ${o.words} words, ${o.words - o.wanted} over the ${o.wanted} asked for (set as written)`,
    );
  return `${out.join('\n')}\n`;
}
