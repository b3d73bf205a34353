/**
 * `galley preview` end to end through the built CLI: picture size for the dpi, overlays only on
 * request, the fit report, the contact sheet (one thumbnail per page, in order), bad input, and
 * watch mode (redraw on save, survive a broken save, follow editors that save by rename).
 * Runs go through the CLI's own entry in this process; what only a process shows (--watch, an
 * exit with a missing input under --watch) runs as a real `galley`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCliInput } from '../../src/cli/loadCliInput.js';
import { composeEdition } from '../../src/edition/composeEdition.js';
import { createWorkspace } from '../../src/edition/createWorkspace.js';
import { layoutContactSheet, renderPreviewPng } from '../../src/render/preview/index.js';
import type { CliResult } from '../hardening/runCliAsync.js';
import { HANG_LIMIT_MS } from '../support/hangLimit.js';
import { CLI, runCli } from '../support/runCli.js';
import { runGalleyInProcess } from '../support/runGalleyInProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-preview-cli-'));
const edition = 'samples/edition/edition.json';
const DPI = 30;

interface Raw {
  width: number;
  height: number;
  data: Buffer;
}
async function raw(file: string | Buffer): Promise<Raw> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/** Pixels where `b` differs from `a`, sorted into the overlay colours. */
function overlayInk(a: Raw, b: Raw) {
  const counts = { changed: 0, magenta: 0, cyan: 0, blue: 0, red: 0 };
  for (let i = 0; i < a.data.length; i += 3) {
    if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) < 12) continue;
    counts.changed++;
    const [r, g, bl] = [b.data[i]!, b.data[i + 1]!, b.data[i + 2]!];
    if (r > 140 && bl > 140 && g < r - 50) counts.magenta++;
    else if (g > r + 50 && bl > r + 50 && g > 150) counts.cyan++;
    else if (bl > r + 15 && bl > g) counts.blue++;
    else if (r > g + 50 && r > bl + 50) counts.red++;
  }
  return counts;
}

/** The sample edition's A1 at the tests' dpi, with any overlay options. */
const previewA1 = (out: string, ...extra: string[]) =>
  runGalleyInProcess(['preview', edition, '--page', 'A1', '--dpi', String(DPI), ...extra, '-o', out]);

describe('galley preview, one page', () => {
  const plain = join(dir, 'plain.png');
  const shown = join(dir, 'shown.png');
  const frames = join(dir, 'frames.png');
  let result: CliResult;
  beforeAll(async () => {
    result = await previewA1(plain);
  });

  test('exit 0, the fit report as a table, then one "wrote" line', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^page\s+story\s+lines\s+overset\s+jumped\s+empty\s+hyph\s+loose\s+photos \(ppi\)$/,
    );
    expect(lines[1]).toMatch(/^-+( +-+){8}$/);
    expect(result.stdout).toMatch(/^A1\s+Sokha Seeks .*\s\d+\s+0\s+\d+/m);
    expect(result.stdout).toMatch(
      new RegExp(`^wrote ${plain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in \\d+ ms$`, 'm'),
    );
  });

  test('the PNG is the page at the dpi (900 x 1548 pt broadsheet, no bleed)', async () => {
    const meta = await sharp(plain).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([Math.round((900 * DPI) / 72), Math.round((1548 * DPI) / 72)]);
  });

  test('overlay colours appear only with --show, and only the ones asked for', async () => {
    const all = await previewA1(shown, '--show', 'grid,baselines,frames,overset');
    expect(all.code).toBe(0);
    const one = await previewA1(frames, '--show', 'frames');
    expect(one.code).toBe(0);
    const [p, s, f] = await Promise.all([raw(plain), raw(shown), raw(frames)]);
    const area = p.width * p.height;
    const withAll = overlayInk(p, s);
    // Column tint (light blue) covers most of the type area; baselines (cyan) and frames (magenta) show.
    expect(withAll.changed).toBeGreaterThan(area * 0.3);
    expect(withAll.blue).toBeGreaterThan(area * 0.1);
    expect(withAll.cyan).toBeGreaterThan(500);
    expect(withAll.magenta).toBeGreaterThan(200);
    // Frames alone: magenta outlines, no column tint, no baselines.
    const withFrames = overlayInk(p, f);
    expect(withFrames.magenta).toBeGreaterThan(200);
    expect(withFrames.cyan).toBe(0);
    expect(withFrames.blue).toBeLessThan(withFrames.magenta);
    expect(withFrames.changed).toBeLessThan(area * 0.1);
  });

  test('overset lines are marked red, and counted in the report', async () => {
    const file = join(dir, 'overset.png');
    // The sample lead story in a 2-column module 24 grid lines deep: far too small.
    const plan = join(dir, 'tight.json');
    const story = { article: resolve('samples/cambodia-daily/article.json'), role: 'lead', column: 1 };
    writeFileSync(
      plan,
      JSON.stringify({
        name: 'Test',
        date: '2026-11-29',
        template: 'broadsheet',
        sections: [
          {
            name: 'Front',
            prefix: 'A',
            pages: [
              {
                label: 'A1',
                front: true,
                stories: [{ ...story, columns: 2, top: 0, depth: 24, photos: false }],
              },
            ],
          },
        ],
      }),
    );
    const r = await runGalleyInProcess(['preview', plan, '--dpi', '20', '--show', 'overset', '-o', file]);
    const r0 = await runGalleyInProcess([
      'preview',
      plan,
      '--dpi',
      '20',
      '-o',
      join(dir, 'overset-plain.png'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r0.code).toBe(0);
    expect(r.stdout).toMatch(/^A1\s+Sokha Seeks .*\s\d+\s+[1-9]\d*\s/m);
    const ink = overlayInk(await raw(join(dir, 'overset-plain.png')), await raw(file));
    expect(ink.red).toBeGreaterThan(20);
    expect(r0.code).toBe(0);
  });
});

describe('galley preview --sheet', () => {
  test('one thumbnail per page, in page order, where layoutContactSheet puts it', async () => {
    const file = join(dir, 'sheet.png');
    const r = await runGalleyInProcess(['preview', edition, '--sheet', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^A2\s/m);
    // The same pages in-process, each rendered at the thumbnail's resolution.
    const ws = createWorkspace();
    const ed = loadCliInput(ws, { input: edition, template: 'broadsheet', breaker: 'total-fit' });
    const { pages } = await composeEdition(ws, ed);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const thumbs = await Promise.all(
      pages.map(async (p) => {
        const dpi = (180 * 72) / p.display.boxes.media.width;
        const png = await renderPreviewPng(p.display, { fontFiles: ws.fontFiles, dpi });
        return raw(png);
      }),
    );
    const layout = layoutContactSheet(
      pages.map((p, i) => ({ label: p.display.label, width: thumbs[i]!.width, height: thumbs[i]!.height })),
    );
    const sheet = await raw(file);
    expect([sheet.width, sheet.height]).toEqual([layout.width, layout.height]);
    expect(layout.cells.map((c) => c.label)).toEqual(pages.map((p) => p.page.label));
    // Each cell holds its own page: it matches that page's thumbnail much better than any other's.
    const distance = (cell: (typeof layout.cells)[number], t: Raw) => {
      let sum = 0;
      for (let y = 0; y < Math.min(cell.height, t.height); y++)
        for (let x = 0; x < Math.min(cell.width, t.width); x++)
          for (let c = 0; c < 3; c++)
            sum += Math.abs(
              sheet.data[((cell.y + y) * sheet.width + cell.x + x) * 3 + c]! -
                t.data[(y * t.width + x) * 3 + c]!,
            );
      return sum / (cell.width * cell.height * 3);
    };
    for (const cell of layout.cells) {
      const own = distance(cell, thumbs[cell.index]!);
      expect(own).toBeLessThan(2);
      for (const [j, t] of thumbs.entries())
        if (j !== cell.index) expect(distance(cell, t)).toBeGreaterThan(own + 5);
    }
  });
});

describe('galley preview, bad input', () => {
  test.each([
    [['--show', 'grid,nonsense'], /^galley: .*--show.*unknown overlay "nonsense"/],
    [['--page', 'Z9'], /^galley: .*Z9/],
  ])('%j: exit 2, one line on stderr, nothing written', async (extra, message) => {
    const out = join(dir, `bad-${extra.join('')}.png`);
    const r = await runGalleyInProcess(['preview', edition, ...extra, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  test('a missing input file: exit 2, one line naming it, even with --watch', () => {
    for (const watch of [[], ['--watch']]) {
      const out = join(dir, 'missing.png');
      const r = runCli(['preview', join(dir, 'nope.json'), ...watch, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/nope\.json/);
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe('galley preview --watch', () => {
  const work = join(dir, 'watch');
  const article = join(work, 'article.json');
  const out = join(work, 'out', 'a1.png');
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';

  beforeAll(() => {
    mkdirSync(work);
    for (const f of ['article.json', 'kodak-sailboats-2048x3072.jpg', 'douglass-1879-gray.jpg'])
      copyFileSync(join('samples/cambodia-daily', f), join(work, f));
    child = spawn(process.execPath, [CLI, 'preview', article, '--watch', '--dpi', '20', '-o', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => {
      stdout += d;
    });
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
  });
  afterAll(() => {
    child.kill('SIGTERM');
  });

  const count = (s: string, re: RegExp) => s.match(new RegExp(re.source, 'gm'))?.length ?? 0;
  async function until(what: string, ok: () => boolean, ms = HANG_LIMIT_MS / 2): Promise<void> {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${what}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode} waiting for ${what}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const edit = (from: string, to: string, how: 'in place' | 'by rename') => {
    const text = readFileSync(article, 'utf8').replace(from, to);
    if (how === 'in place') writeFileSync(article, text);
    else {
      writeFileSync(`${article}.tmp`, text);
      renameSync(`${article}.tmp`, article);
    }
  };

  test('draws, redraws on save (in place and by rename), keeps the last picture on a broken save', async () => {
    await until(
      'the first picture',
      () => /watching \d+ file/.test(stdout) && count(stdout, /^wrote /m) === 1,
    );
    const first = statSync(out).mtimeMs;
    const firstPng = readFileSync(out);

    // Editors that write in place.
    await new Promise((r) => setTimeout(r, 20));
    edit('Sokha Seeks', 'Sokha Asks', 'in place');
    await until('a redraw after an in-place save', () => count(stdout, /^wrote /m) === 2);
    await until('the new PNG', () => statSync(out).mtimeMs > first);
    expect(stdout).toMatch(/Sokha Asks/);

    // Editors that write a new file and rename it over the old one (vim, most IDEs).
    const second = statSync(out).mtimeMs;
    edit('Sokha Asks', 'Sokha Begs', 'by rename');
    await until('a redraw after a save by rename', () => count(stdout, /^wrote /m) === 3);
    await until('the new PNG', () => statSync(out).mtimeMs > second);
    expect(stdout).toMatch(/Sokha Begs/);

    // A broken save: an error, the watcher keeps going and the last good PNG stays.
    const good = readFileSync(out);
    const goodTime = statSync(out).mtimeMs;
    const valid = readFileSync(article, 'utf8');
    writeFileSync(article, valid.slice(0, valid.length / 2));
    await until('the error', () => /keeping the last good preview/.test(stderr));
    expect(stderr).toMatch(/^galley: .*article\.json/m);
    expect(statSync(out).mtimeMs).toBe(goodTime);
    expect(readFileSync(out).equals(good)).toBe(true);
    expect(child.exitCode).toBeNull();

    // The fix redraws.
    writeFileSync(article, valid.replace('Sokha Begs', 'Sokha Seeks'));
    await until('a redraw after the fix', () => count(stdout, /^wrote /m) === 4);
    await until('the new PNG', () => statSync(out).mtimeMs > goodTime);
    expect((await sharp(out).metadata()).width).toBe((await sharp(firstPng).metadata()).width);
  });
});
