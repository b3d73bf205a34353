/**
 * Which worker sets which pages. A worker keeps what it has set (stories prepared, paragraphs
 * broken at each measure, where a jumped story resumes): a story it has already set costs much
 * less there than on another worker, which would set it again from nothing. So the stories are
 * shared out first, each to the worker that already has the stories it shares pages with (a
 * front story and the stories on its jump page), as long as that worker's share stays fair;
 * then each page goes to the worker that has most of its stories. Pages without stories balance
 * the load. Pure: the same pages always give the same lanes.
 */

export interface LanePage {
  index: number;
  /** The article files of the page's stories (continuations included). */
  articles: readonly string[];
  /** Rough cost (any unit, the same for every page): e.g. stories + 1. */
  cost: number;
}

/** Share a lane may reach above an even split before a story goes to another lane. */
const FAIR_SLACK = 1.1;

export function assignLanes(pages: readonly LanePage[], lanes: number): number[][] {
  const out: number[][] = Array.from({ length: Math.max(1, lanes) }, () => []);
  if (out.length === 1) {
    out[0]!.push(...pages.map((p) => p.index));
    return out;
  }
  // Each story's share of the cost of the pages it is on, and how often two stories share a page.
  const weight = new Map<string, number>();
  const together = new Map<string, Map<string, number>>();
  for (const page of pages) {
    const stories = [...new Set(page.articles)];
    for (const a of stories) {
      weight.set(a, (weight.get(a) ?? 0) + page.cost / stories.length);
      const row = together.get(a) ?? new Map<string, number>();
      together.set(a, row);
      for (const b of stories) if (b !== a) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const total = pages.reduce((sum, p) => sum + p.cost, 0);
  const fair = (total / out.length) * FAIR_SLACK;
  const storyLoad = out.map(() => 0);
  const laneOf = new Map<string, number>();
  const byWeight = [...weight].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  for (const [story, w] of byWeight) {
    let best = -1;
    let bestTies = 0;
    for (let lane = 0; lane < out.length; lane++) {
      if (storyLoad[lane]! + w > fair) continue;
      let ties = 0;
      for (const [other, n] of together.get(story)!) if (laneOf.get(other) === lane) ties += n;
      if (best < 0 || ties > bestTies || (ties === bestTies && storyLoad[lane]! < storyLoad[best]!)) {
        best = lane;
        bestTies = ties;
      }
    }
    if (best < 0) best = lightest(storyLoad);
    laneOf.set(story, best);
    storyLoad[best]! += w;
  }
  const load = out.map(() => 0);
  const unplaced: LanePage[] = [];
  for (const page of pages) {
    if (page.articles.length === 0) {
      unplaced.push(page);
      continue;
    }
    const share = out.map(() => 0);
    for (const a of page.articles) share[laneOf.get(a)!]! += weight.get(a)!;
    const lane = share.indexOf(Math.max(...share));
    out[lane]!.push(page.index);
    load[lane]! += page.cost;
  }
  for (const page of unplaced) {
    const lane = lightest(load);
    out[lane]!.push(page.index);
    load[lane]! += page.cost;
  }
  for (const lane of out) lane.sort((a, b) => a - b);
  return out;
}

function lightest(load: readonly number[]): number {
  return load.indexOf(Math.min(...load));
}
