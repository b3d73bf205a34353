/**
 * Converts the neutral 24-page benchmark plan (bench/plan-24.json: items with roles and parts, ads
 * in columns x inches) into a galley edition manifest, deterministically, `copies` times over (48
 * pages = the plan twice, labelled A1..A24 and B1..B24). Broadsheet grid: 6 columns, 11 pt lines,
 * 121 grid lines under the flag on a front page, 132 under the folio elsewhere.
 *
 * Modules: ads stack along the bottom from the right; the stories share the band above them (lead
 * 4 columns, second 2 columns, a third under the lead) and the strip beside a partial-width ad.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const COLUMNS = 6;
const GRID_LINES = 134;
const FLAG_LINES = 13;
const FOLIO_LINES = 2;
const LINE_PT = 11;

export function makeBenchEdition({
  copies = 2,
  plan = join(here, 'plan-24.json'),
  articles = resolve(here, '../samples/corpus/articles'),
} = {}) {
  const source = JSON.parse(readFileSync(plan, 'utf8'));
  const sections = [];
  for (let copy = 0; copy < copies; copy++) {
    const prefix = String.fromCharCode(65 + copy);
    const label = (n) => `${prefix}${n}`;
    for (const p of source.pages) {
      const front = p.page === 1;
      const lines = GRID_LINES - (front ? FLAG_LINES : FOLIO_LINES);
      const { ads, adTop, adColumns } = placeAds(p.ads, lines);
      const stories = placeStories(p.items, adTop, adColumns, lines).map(({ item, frame }) => ({
        article: join(articles, `${item.article}.json`),
        role: item.role,
        ...frame,
        photos: item.role !== 'brief',
        ...(item.part === 'start' && item.continued_to && { continuesOn: label(item.continued_to) }),
        ...(item.part === 'continued' &&
          item.continued_from && { continuedFrom: label(item.continued_from) }),
      }));
      const name = copies > 1 ? `${p.section} (${prefix})` : p.section;
      let section = sections.at(-1);
      if (section?.name !== name) {
        section = { name, prefix, pages: [] };
        sections.push(section);
      }
      section.pages.push({ label: label(p.page), front, stories, ads });
    }
  }
  return {
    name: 'Bench',
    newspaper: 'The Galley Times',
    date: '2026-11-29',
    template: 'broadsheet',
    sections,
  };
}

/** Ads right to left along the bottom, a new row above when a row is full; depth from inches. */
function placeAds(specs, lines) {
  const rows = [];
  for (const ad of specs) {
    const depth = Math.min(Math.ceil((ad.height_in * 72) / LINE_PT), lines - 12);
    let row = rows.find((r) => r.used + ad.columns <= COLUMNS);
    if (!row) {
      row = { used: 0, depth: 0, ads: [] };
      rows.push(row);
    }
    row.ads.push({ columns: ad.columns, depth, column: COLUMNS - row.used - ad.columns + 1 });
    row.used += ad.columns;
    row.depth = Math.max(row.depth, depth);
  }
  const ads = [];
  let bottom = lines;
  let adColumns = 0;
  for (const row of rows) {
    const top = Math.max(0, bottom - row.depth);
    for (const a of row.ads)
      ads.push({
        column: a.column,
        columns: a.columns,
        top,
        depth: Math.min(a.depth, bottom - top),
        label: 'Advertisement',
      });
    adColumns = Math.max(adColumns, row.used);
    bottom = top;
  }
  return { ads, adTop: bottom, adColumns: rows.length ? adColumns : 0 };
}

/** The band above the ads (full width) and the strip beside them, shared by the stories in order. */
function placeStories(items, adTop, adColumns, lines) {
  const strip =
    adColumns > 0 && adColumns < COLUMNS
      ? { column: 1, columns: COLUMNS - adColumns, top: adTop, depth: lines - adTop }
      : undefined;
  const band = [...items];
  const last = strip && band.length > 1 ? band.pop() : undefined;
  const placed = [];
  if (band.length === 1)
    placed.push({ item: band[0], frame: { column: 1, columns: COLUMNS, top: 0, depth: adTop } });
  else if (band.length === 2) {
    placed.push({ item: band[0], frame: { column: 1, columns: 4, top: 0, depth: adTop } });
    placed.push({ item: band[1], frame: { column: 5, columns: 2, top: 0, depth: adTop } });
  } else if (band.length >= 3) {
    const split = Math.round(adTop * 0.6);
    placed.push({ item: band[0], frame: { column: 1, columns: 4, top: 0, depth: split } });
    placed.push({ item: band[1], frame: { column: 5, columns: 2, top: 0, depth: adTop } });
    placed.push({ item: band[2], frame: { column: 1, columns: 4, top: split, depth: adTop - split } });
  }
  if (last) placed.push({ item: last, frame: strip });
  return placed;
}
