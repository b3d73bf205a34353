/**
 * The bad-input corpus (test/fixtures/bad/, plus cases generated here that would weigh megabytes or
 * need symbolic links), each run through the built CLI. A bad input must exit 2 with one line on
 * stderr naming the file and the field, no stack trace and no output left behind; a valid but awkward
 * input must exit 0 and say what was awkward in the fit report.
 *
 * Cases run in this process through the CLI's own entry (runGalley, what `galley` calls), so a
 * case costs its work and not a Node start-up; the few marked `spawned` run as real processes,
 * to check what only a process shows (its exit status and its own stderr). Inputs that are slow to
 * make (the decompression bomb) are made once and kept in a cache folder between runs.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport, StoryReport } from '../../src/layout/types.js';
import { runGalleyInProcess } from '../support/runGalleyInProcess.js';
import { type CliResult, mapLimit, runCliAsync } from './runCliAsync.js';

const BAD = 'test/fixtures/bad';
const A = `${BAD}/articles`;
const T = `${BAD}/templates`;
const E = `${BAD}/editions`;
const tmp = mkdtempSync(join(tmpdir(), 'galley-bad-'));
const gen = (name: string) => join(tmp, 'gen', name);
/** Outside every folder the generated inputs may reach (theirs, their parents', the current one). */
const elsewhere = (name: string) => join(tmp, 'elsewhere', name);
/** How messages name a story loaded through a workspace: relative to the current folder. */
const shown = (path: string) => relative(process.cwd(), path);

interface Case {
  name: string;
  /** Arguments after the command; `-o` and `--cache` are added. */
  args: string[];
  command?: 'render' | 'edition';
  /** Run as a real `galley` process rather than in-process. */
  spawned?: boolean;
  code: 0 | 2;
  /** Exit 2: the file and field the one-line message must name, and what it must say. */
  file?: string;
  field?: string;
  reason?: RegExp;
  /** Exit 0: what the fit report must show. */
  report?: (stories: StoryReport[], json: string) => void;
}

const article = (name: string, field: string, reason: RegExp): Case => ({
  name: `article ${name}`,
  args: [`${A}/${name}`],
  code: 2,
  file: `${A}/${name}`,
  field,
  reason,
});
const template = (name: string, field: string, reason: RegExp): Case => ({
  name: `template ${name}`,
  args: [`${E}/story.json`, '--template', `${T}/${name}`],
  code: 2,
  file: `${T}/${name}`,
  field,
  reason,
});
const plan = (name: string, field: string, reason: RegExp): Case => ({
  name: `edition ${name}`,
  args: [`${E}/${name}`],
  code: 2,
  file: `${E}/${name}`,
  field,
  reason,
});
const story0 = 'sections[0].pages[0].stories[0]';
const wellSet = (stories: StoryReport[]) => {
  for (const s of stories) {
    expect(s.oversetLines).toBe(0);
    expect(s.wordsPlaced).toBe(s.wordsTotal);
  }
};

const CASES: Case[] = [
  // ---- articles, JSON -------------------------------------------------------------------------
  { ...article('malformed.json', '', /invalid JSON at line 3, column \d+: unexpected "\]"/), spawned: true },
  article('empty-file.json', '', /invalid JSON: the file is empty/),
  article('top-level-array.json', '', /expected object, received array/),
  article('headline-number.json', 'headline', /expected string, received number/),
  article('missing-headline.json', 'headline', /missing required field/),
  article('blank-headline.json', 'headline', /must not be empty/),
  article('unknown-field.json', '', /unknown field "bylin" \(did you mean "byline"\?\)/),
  article('body-not-array.json', 'body', /expected array/),
  article('body-block-wrong.json', 'body[1]', /invalid input|unknown field/i),
  article('image-missing-file.json', 'images[0].file', /missing required field/),
  article('focus-out-of-range.json', 'images[0].focus.x', /<=1/),
  article('placement-zero-columns.json', 'images[0].placement.columns', />=1/),
  article('negative-after-paragraph.json', 'pullQuotes[0].afterParagraph', />=0/),
  article('empty-pull-quote.json', 'pullQuotes[0].text', /must not be empty/),
  article('deep-nesting.json', 'body[0]', /invalid input/i),
  article(
    'deep-nesting-unclosed.json',
    '',
    /invalid JSON at line 1, column 1001: nested more than 1000 levels/,
  ),
  // ---- articles: photos ------------------------------------------------------------------------
  article('photo-escape.json', 'images[0].file', /is outside the allowed folders.*--allow-root/),
  article('photo-absolute.json', 'images[0].file', /"\/etc\/hostname" is outside the allowed folders/),
  article('photo-url.json', 'images[0].file', /is a URL: galley does not fetch files over the network/),
  article('photo-missing.json', 'images[0].file', /photo file not found/),
  article('photo-is-text.json', 'images[0].file', /not an image/),
  article('photo-empty.json', 'images[0].file', /corrupt or truncated image/),
  article('photo-truncated-jpeg.json', 'images[0].file', /no end-of-image marker/),
  article('photo-truncated-png.json', 'images[0].file', /no IEND chunk/),
  article('photo-folder.json', 'images[0].file', /is not a file/),
  {
    // The header is sound, so the probe passes; the pixels fail when the page is rendered, and
    // the error is traced back to the article and the field that name the photo.
    name: 'article photo-corrupt-png.json',
    args: [`${A}/photo-corrupt-png.json`],
    code: 2,
    file: `${A}/photo-corrupt-png.json`,
    field: 'images[0].file',
    reason: /corrupt or truncated image/,
  },
  // ---- articles, valid but awkward ---------------------------------------------------------------
  { name: 'article empty-body.json', args: [`${A}/empty-body.json`], code: 0, report: emptyStory },
  { name: 'article zero-width-bidi.json', args: [`${A}/zero-width-bidi.json`], code: 0, report: wellSet },
  {
    // No tofu: a character no font of its style has is refused, naming the field, the character
    // and the style's families...
    name: 'article emoji-and-scripts.json',
    args: [`${A}/emoji-and-scripts.json`],
    code: 2,
    file: `${A}/emoji-and-scripts.json`,
    field: 'headline',
    reason:
      /U\+1F600 "😀" in the headline has no glyph in the headline style's fonts \(Playfair Display, Noto Serif Khmer, .*--allow-missing-glyphs/,
  },
  {
    // ...unless the user allows it: then every word is set and each character reported.
    name: 'article emoji-and-scripts.json --allow-missing-glyphs',
    args: [`${A}/emoji-and-scripts.json`, '--allow-missing-glyphs'],
    code: 0,
    report: wellSet,
  },
  {
    name: 'article control-characters.json',
    args: [`${A}/control-characters.json`],
    code: 0,
    report: wellSet,
  },
  {
    name: 'article lone-surrogate.json',
    args: [`${A}/lone-surrogate.json`],
    code: 2,
    file: `${A}/lone-surrogate.json`,
    field: 'headline',
    reason: /lone UTF-16 surrogate U\+D800 in the headline: the text is corrupt/,
  },
  {
    name: 'article lone-surrogate.json --allow-missing-glyphs',
    args: [`${A}/lone-surrogate.json`, '--allow-missing-glyphs'],
    code: 0,
    report: wellSet,
  },
  { name: 'article byte-order-mark.json', args: [`${A}/byte-order-mark.json`], code: 0, report: wellSet },
  // ---- articles, Markdown ----------------------------------------------------------------------
  article('no-front-matter.md', '', /must begin with YAML front matter/),
  article('bad-yaml.md', '', /invalid YAML at line \d+, column \d+/),
  article('body-in-front-matter.md', 'front matter.body', /the body is the Markdown after the front matter/),
  article('front-matter-list.md', 'front matter', /expected fields like "headline: \.\.\."/),
  article('missing-headline.md', 'headline', /missing required field/),
  article('unknown-field.md', '', /unknown field "datline" \(did you mean "dateline"\?\)/),
  article('photo-escape.md', 'images[0].file', /is outside the allowed folders/),
  article('yaml-alias-bomb.md', '', /invalid YAML: aliases expand too much/),
  article('duplicate-key.md', '', /invalid YAML at line \d+.*unique/i),
  article('unresolved-alias.md', '', /invalid YAML: Unresolved alias/),
  // ---- templates -------------------------------------------------------------------------------
  template('malformed.json', '', /invalid JSON at line 1, column \d+/),
  template('malformed.yaml', '', /invalid YAML at line 3/),
  template('negative-gutter.json', 'gutter', /must not be negative/),
  template('zero-trim.json', 'trim', /positive width and height/),
  template('bad-length.json', 'trim.width', /expected a length/),
  template('margins-exceed-page.json', 'margins', /leave no type area/),
  template('negative-margin.json', 'margins.right', /must not be negative/),
  template('columns-too-narrow.json', 'columns', /pt columns; at least 36 pt are needed/),
  template('zero-columns.json', 'columns', />=1/),
  template('zero-baseline.json', 'baseline', /must be positive/),
  template('too-few-grid-lines.json', 'baseline', /holds only \d grid lines/),
  template('zero-type-size.json', 'styles.body.size', /a type size must be positive/),
  template(
    'unknown-font-family.json',
    'styles.body.family',
    /unknown font family "Comic Sans" \(known: Source Serif 4, /,
  ),
  template('font-file-as-family.json', 'styles.body.family', /unknown font family "fonts\/not-a-font\.ttf"/),
  template('unknown-style.json', 'styles', /unknown field "bdy" \(did you mean "body"\?\)/),
  template('unknown-field.json', '', /unknown field "colums" \(did you mean "columns"\?\)/),
  template('ink-over-100.json', 'styles.body.color.k', /<=100/),
  {
    name: 'template type-wider-than-column.json',
    args: [`${E}/story.json`, '--template', `${T}/type-wider-than-column.json`],
    code: 0,
    report: (stories) => expect(stories[0]!.overfullLines + stories[0]!.oversetLines).toBeGreaterThan(0),
  },
  // ---- editions and page plans -------------------------------------------------------------------
  {
    name: 'edition valid.json (control)',
    args: [`${E}/valid.json`],
    code: 0,
    report: wellSet,
    spawned: true,
  },
  plan('malformed.yaml', '', /invalid YAML at line \d+/),
  plan('missing-date.json', 'date', /missing required field/),
  plan('bad-date.json', 'date', /invalid (ISO )?date/i),
  plan('unknown-field.json', '', /unknown field "sectons" \(did you mean "sections"\?\)/),
  plan('no-sections.json', 'sections', />=1/),
  plan(
    'module-outside-page.json',
    `${story0}.columns`,
    /columns 3 to 4 do not exist: template "small" has 3/,
  ),
  plan('module-below-page.json', `${story0}.top`, /grid line 500 is below the page/),
  plan('module-too-deep.json', `${story0}.depth`, /go past the bottom/),
  plan('zero-columns.json', `${story0}.columns`, />=1/),
  plan('column-zero.json', `${story0}.column`, />=1/),
  plan(
    'overlapping-modules.json',
    'sections[0].pages[0].stories[1].column',
    /overlaps sections\[0\]\.pages\[0\]\.stories\[0\]/,
  ),
  plan('jump-to-missing-page.json', `${story0}.continuesOn`, /no page is labelled "A9" \(pages: A1\)/),
  plan(
    'continued-from-wrong-page.json',
    'sections[0].pages[1].stories[0].continuedFrom',
    /has no story from .* with continuesOn "A2"/,
  ),
  plan('duplicate-label.json', 'sections[0].pages[1].label', /page label "A1" is used twice/),
  plan(
    'section-emoji.json',
    'sections[0].name',
    /U\+1F600 "😀" in the sections\[0\]\.name has no glyph in the (folio|flagLine) style's fonts/,
  ),
  plan('article-escape.json', `${story0}.article`, /is outside the allowed folders/),
  plan('article-absolute.json', `${story0}.article`, /"\/etc\/hostname" is outside the allowed folders/),
  plan('article-url.json', `${story0}.article`, /is a URL/),
  { ...plan('article-missing.json', '', /cannot read article: no such file/), file: `${E}/nope.json` },
  plan('template-escape.json', 'template', /is outside the allowed folders/),
  plan('unknown-template.json', 'sections[0].pages[0].template', /unknown template "broadshet"/),
  plan('ad-artwork-text.json', 'sections[0].pages[0].ads[0].file', /not an image/),
  plan('ad-artwork-url.json', 'sections[0].pages[0].ads[0].file', /is a URL/),
  // ---- generated at test time (see beforeAll) ------------------------------------------------------
  {
    name: 'generated 100,000-word story',
    args: [gen('huge.json')],
    code: 2,
    file: shown(gen('huge.json')),
    field: 'body',
    reason: /100000 words; at most 50000 are set in one story/,
  },
  {
    name: 'generated 20,000-word story (overset)',
    args: [gen('long.json')],
    code: 0,
    report: ([s]) => {
      expect(s!.oversetLines).toBeGreaterThan(0);
      expect(s!.warnings.join('\n')).toMatch(/lines overset from "w\d+"/);
      expect(s!.wordsPlaced).toBeLessThan(s!.wordsTotal);
    },
  },
  {
    name: 'generated 10,000-character word (set, broken at characters)',
    args: [gen('long-word.json')],
    code: 0,
    report: ([s]) => {
      expect(s!.linesSet).toBeGreaterThan(10);
      expect(s!.wordsPlaced).toBe(s!.wordsTotal);
    },
  },
  {
    name: 'generated 10,000-character word with hyphenation points (hyphenated, no overfull line)',
    args: [gen('long-hyphenable.json')],
    code: 0,
    report: ([s]) => {
      expect(s!.wordsPlaced).toBe(s!.wordsTotal);
      expect(s!.overfullLines).toBe(0);
    },
  },
  {
    name: 'generated decompression-bomb PNG (105 MP)',
    args: [gen('bomb.json')],
    code: 2,
    file: shown(gen('bomb.json')),
    field: 'images[0].file',
    reason: /10500x10000 px \(105\.0 MP\) exceeds the limit of 100\.0 MP/,
  },
  {
    name: 'photo over --max-pixels 1000',
    args: [`${A}/photo-over-max-pixels.json`, '--max-pixels', '1000'],
    code: 2,
    file: `${A}/photo-over-max-pixels.json`,
    field: 'images[0].file',
    reason: /exceeds the limit of 0\.0 MP/,
  },
  {
    name: 'generated 401-page edition',
    args: [gen('pages-401.json')],
    code: 2,
    file: gen('pages-401.json'),
    field: 'sections',
    reason: /401 pages; at most 400 are set in one edition/,
  },
  {
    name: 'generated 9 MB article',
    args: [gen('nine-mb.json')],
    code: 2,
    file: gen('nine-mb.json'),
    field: '',
    reason: /is 9\.0 MB; the limit is 8 MB/,
  },
  {
    name: 'generated edition with a symlink out of its folder',
    args: [gen('symlink/edition.json')],
    code: 2,
    file: gen('symlink/edition.json'),
    field: `${story0}.article`,
    reason: /leads outside the allowed folders through a symbolic link/,
  },
  {
    name: 'generated article with a symlinked photo',
    args: [gen('symlink/photo-link.json')],
    code: 2,
    file: shown(gen('symlink/photo-link.json')),
    field: 'images[0].file',
    reason: /leads outside the allowed folders through a symbolic link/,
  },
  {
    name: 'generated edition reaching a sibling folder',
    args: [gen('roots/edition/edition.json')],
    code: 2,
    file: gen('roots/edition/edition.json'),
    field: `${story0}.article`,
    reason: /"\.\.\/wire\/story\.json" is outside the allowed folders/,
  },
  {
    name: 'generated edition reaching a sibling folder with --allow-root',
    args: [gen('roots/edition/edition.json'), '--allow-root', gen('roots/wire')],
    code: 0,
    report: wellSet,
  },
  {
    name: '--allow-root that is not a folder',
    args: [`${E}/valid.json`, '--allow-root', gen('nowhere')],
    code: 2,
    file: '',
    field: '--allow-root',
    reason: /is not a folder/,
  },
  {
    name: 'galley edition with a story outside the folder',
    command: 'edition',
    spawned: true,
    args: [`${E}/article-escape.json`],
    code: 2,
    file: `${E}/article-escape.json`,
    field: `${story0}.article`,
    reason: /is outside the allowed folders/,
  },
];

function emptyStory(stories: StoryReport[]) {
  expect(stories[0]!.wordsTotal).toBe(0);
  expect(stories[0]!.linesSet).toBe(0);
  expect(stories[0]!.emptyLines).toBeGreaterThan(0);
}

async function generate(): Promise<void> {
  mkdirSync(gen('symlink'), { recursive: true });
  mkdirSync(elsewhere('.'), { recursive: true });
  const story = (body: string[], extra: Record<string, unknown> = {}) =>
    `${JSON.stringify({ headline: 'Generated story', body, ...extra })}\n`;
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
  writeFileSync(gen('huge.json'), story([words(100_000)]));
  writeFileSync(gen('long.json'), story([words(20_000)]));
  // No hyphenation pattern matches inside it: it can only be split at characters.
  writeFileSync(gen('long-word.json'), story([`Before ${'x'.repeat(10_000)} after.`]));
  // Hyphenation points every few letters: hyphenated on every line, never over the measure.
  writeFileSync(gen('long-hyphenable.json'), story([`Before ${'abcdefghij'.repeat(1000)} after.`]));
  writeFileSync(gen('nine-mb.json'), story(['x'.repeat(9 * 1024 * 1024)]));
  copyFileSync(await cachedBomb(), gen('bomb.png'));
  writeFileSync(gen('bomb.json'), story(['A photo.'], { images: [{ file: 'bomb.png' }] }));
  const edition = (pages: unknown[], template = 'broadsheet') =>
    `${JSON.stringify({ name: 'Generated', date: '2026-11-29', template, sections: [{ name: 'A', prefix: 'A', pages }] })}\n`;
  writeFileSync(gen('pages-401.json'), edition(Array.from({ length: 401 }, () => ({}))));
  // A link inside the edition's folder that leads to a story outside it (and outside the current folder).
  writeFileSync(elsewhere('story.json'), story(['Outside.']));
  mkdirSync(gen('symlink/inside'));
  symlinkSync(elsewhere('story.json'), gen('symlink/inside-story.json'));
  writeFileSync(
    gen('symlink/edition.json'),
    edition([{ stories: [{ article: 'inside-story.json', column: 1, columns: 2 }] }]),
  );
  symlinkSync(elsewhere('.'), gen('symlink/inside/photos'));
  writeFileSync(elsewhere('photo.jpg'), 'not reached');
  writeFileSync(
    gen('symlink/photo-link.json'),
    story(['A photo.'], { images: [{ file: 'inside/photos/photo.jpg' }] }),
  );
  // An edition whose stories come from a sibling folder: allowed only with --allow-root.
  mkdirSync(gen('roots/edition'), { recursive: true });
  mkdirSync(gen('roots/wire'));
  writeFileSync(gen('roots/wire/story.json'), story(['From the wire.']));
  writeFileSync(
    gen('roots/edition/edition.json'),
    edition([{ stories: [{ article: '../wire/story.json', column: 1, columns: 2 }] }]),
  );
}

/**
 * A 105-megapixel PNG that is small on disk: slow to compress, so it is made once and kept in
 * node_modules/.cache (written under a temporary name, then renamed, so a run that is stopped
 * half-way never leaves a broken one).
 */
async function cachedBomb(): Promise<string> {
  const dir = resolve('node_modules/.cache/galley-tests');
  const file = join(dir, 'bomb-10500x10000.png');
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const bomb = await sharp({ create: { width: 10_500, height: 10_000, channels: 3, background: '#fff' } })
    .png({ compressionLevel: 9, palette: true, colours: 2 })
    .toBuffer();
  expect(bomb.length).toBeLessThan(100_000); // small on disk, huge in pixels
  const part = `${file}.${process.pid}.part`;
  writeFileSync(part, bomb);
  renameSync(part, file);
  return file;
}

interface Outcome {
  result: CliResult;
  outDir: string;
}

const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  await generate();
  // In-process cases share one thread (layout is synchronous); the spawned ones run beside them.
  const run = async (c: Case): Promise<Outcome> => {
    const outDir = join(tmp, 'out', c.name.replace(/[^\w.-]+/g, '_'));
    const output = c.command === 'edition' ? outDir : join(outDir, 'page.pdf');
    const args = [c.command ?? 'render', ...c.args, '-o', output, '--cache', join(tmp, 'cache'), '--json'];
    const result = c.spawned ? await runCliAsync(args) : await runGalleyInProcess(args);
    return { result, outDir };
  };
  const debug = process.env.GALLEY_DEBUG;
  delete process.env.GALLEY_DEBUG; // as runCliAsync does for the spawned ones
  try {
    const [spawned, inProcess] = await Promise.all([
      mapLimit(
        CASES.filter((c) => c.spawned),
        2,
        run,
      ),
      mapLimit(
        CASES.filter((c) => !c.spawned),
        1,
        run,
      ),
    ]);
    for (const [i, c] of CASES.filter((c) => c.spawned).entries()) outcomes.set(c.name, spawned[i]!);
    for (const [i, c] of CASES.filter((c) => !c.spawned).entries()) outcomes.set(c.name, inProcess[i]!);
  } finally {
    if (debug !== undefined) process.env.GALLEY_DEBUG = debug;
  }
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Every file under a folder (none when it does not exist). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => relative(dir, join(d.parentPath, d.name)));
  } catch {
    return [];
  }
}

describe('bad input through the CLI', () => {
  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });
  it('runs a few of them as real processes: exit status and stderr of the process itself', () => {
    const spawned = CASES.filter((c) => c.spawned);
    expect(spawned.map((c) => c.code).sort()).toEqual([0, 2, 2]);
    expect(spawned.some((c) => c.command === 'edition')).toBe(true);
  });

  for (const c of CASES) {
    it(`${c.name}: exit ${c.code}`, () => {
      const { result, outDir } = outcomes.get(c.name)!;
      const lines = result.stderr.split('\n').filter(Boolean);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr).not.toMatch(/render failed|GALLEY_DEBUG/);
      if (c.code === 2) {
        expect(result.code, result.stderr).toBe(2);
        expect(lines).toHaveLength(1);
        const where = [c.file, c.field].filter(Boolean).join(': ');
        expect(lines[0]).toContain(`galley: ${where}: `);
        expect(lines[0]!.slice(`galley: ${where}: `.length)).toMatch(c.reason!);
        expect(filesUnder(outDir)).toEqual([]);
      } else {
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toBe('');
        const files = filesUnder(outDir);
        expect(files.filter((f) => f.endsWith('.tmp') || f.includes('.tmp-'))).toEqual([]);
        expect(files).toContain('page.pdf');
        const report = JSON.parse(result.stdout) as { pages: PageReport[] };
        c.report?.(
          report.pages.flatMap((p) => p.stories),
          result.stdout,
        );
      }
    });
  }
});

describe('valid but awkward input is reported, not hidden', () => {
  const warningsOf = (name: string) => {
    const { result } = outcomes.get(name)!;
    const report = JSON.parse(result.stdout) as { pages: PageReport[]; warnings: string[] };
    return [
      ...report.warnings,
      ...report.pages.flatMap((p) => [...p.warnings, ...p.stories.flatMap((s) => s.warnings)]),
    ].join('\n');
  };
  it('emoji and scripts the fonts lack: the missing glyphs are reported', () => {
    expect(warningsOf('article emoji-and-scripts.json --allow-missing-glyphs')).toMatch(
      /missing glyph U\+1F600/,
    );
  });
  it('a 10,000-character word: the split at a character is reported', () => {
    expect(warningsOf('generated 10,000-character word (set, broken at characters)')).toMatch(
      /split at a character/,
    );
  });
});
