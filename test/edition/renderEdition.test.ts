import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EditionEvent,
  type RenderEditionOptions,
  renderEdition,
} from '../../src/edition/renderEdition.js';

const FIXTURE = resolve('test/fixtures/edition');
let dir: string;
let cache: string;

/** A fresh copy of the fixture edition (its files are edited by the tests) and an empty output folder. */
function setup(name: string): { manifest: string; out: string } {
  const root = join(dir, name);
  cpSync(FIXTURE, root, { recursive: true });
  return { manifest: join(root, 'edition.json'), out: join(root, 'out') };
}

function leftovers(out: string): string[] {
  return readdirSync(out).filter((n) => n.endsWith('.tmp'));
}

/** A run of the good pages that is aborted as soon as one page is done. */
function stoppedAfterFirstPage(
  manifest: string,
  out: string,
  options: Pick<RenderEditionOptions, 'jobs' | 'pool'>,
) {
  const abort = new AbortController();
  return renderEdition(manifest, {
    outDir: out,
    cacheDir: cache,
    pages: [0, 1, 2, 5],
    signal: abort.signal,
    onEvent: (e) => {
      if (e.type === 'page-done') abort.abort(new Error('stop'));
    },
    ...options,
  });
}

async function expectCompletePdf(file: string): Promise<number> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  return doc.getPageCount();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'galley-edition-'));
  cache = join(dir, 'photos'); // shared: photos are converted once for all the tests
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderEdition', () => {
  it('sets every good page on two workers and reports both broken pages with file and reason', async () => {
    const { manifest, out } = setup('broken');
    const events: EditionEvent[] = [];
    const result = await renderEdition(manifest, {
      outDir: out,
      jobs: 2,
      cacheDir: cache,
      onEvent: (e) => events.push(e),
    });

    expect(result.ok).toBe(false);
    expect(result.jobs).toBe(2);
    expect(result.pages.map((p) => `${p.label}:${p.status}`)).toEqual([
      'T1:rendered',
      'T2:rendered',
      'T3:rendered',
      'B1:failed',
      'B2:failed',
      'B3:rendered',
    ]);
    expect(result.failures).toHaveLength(2);
    const [bad, photo] = result.failures;
    expect(bad).toMatchObject({
      page: 'B1',
      file: expect.stringMatching(/broken\.json$/),
      reason: expect.stringMatching(/invalid JSON/),
    });
    expect(photo).toMatchObject({
      page: 'B2',
      file: expect.stringMatching(/nophoto\.json$/),
      field: 'images[0].file',
    });
    expect(photo!.reason).toMatch(/missing\.jpg/);

    for (const label of ['t1', 't2', 't3', 'b3'])
      expect(await expectCompletePdf(join(out, `test-edition-2026-11-29-${label}.pdf`))).toBe(1);
    expect(existsSync(join(out, 'test-edition-2026-11-29-b1.pdf'))).toBe(false);

    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.failures.map((f: { page: string }) => f.page)).toEqual(['B1', 'B2']);
    expect(report.pages[0].report.stories).toHaveLength(2);
    expect(report.pages[0].ms).toBeGreaterThan(0);

    const kinds = events.map((e) => e.type);
    expect(kinds[0]).toBe('start');
    expect(kinds.at(-1)).toBe('done');
    expect(kinds.filter((k) => k === 'page-start')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'page-done')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'page-failed')).toHaveLength(2);
  });

  it('sets the same PDFs, byte for byte, in one process, in worker processes and in worker threads', async () => {
    const pages = [0, 1, 2, 5]; // the good pages
    const { manifest, out: base } = setup('pools'); // one manifest: the document ID hashes its paths
    const outs = [];
    for (const [name, options] of [
      ['one', { jobs: 1 }],
      ['processes', { jobs: 2, pool: 'processes' }],
      ['threads', { jobs: 2, pool: 'threads' }],
    ] as const) {
      const out = join(base, name);
      const result = await renderEdition(manifest, { outDir: out, cacheDir: cache, pages, ...options });
      expect(result.ok).toBe(true);
      expect(result.jobs).toBe(options.jobs);
      expect(result.peakRssMb).toBeGreaterThan(0);
      outs.push(out);
    }
    const pdfs = (out: string) =>
      readdirSync(out)
        .filter((n) => n.endsWith('.pdf'))
        .sort()
        .map((n) => readFileSync(join(out, n)));
    const [one, ...others] = outs.map(pdfs);
    expect(one).toHaveLength(4);
    for (const other of others) expect(other).toEqual(one);
  });

  it('with changedOnly, re-sets only the pages of a touched story, and the jump page that continues it', async () => {
    const { manifest, out } = setup('changed');
    const pages = [0, 1, 2, 5]; // the good pages
    const first = await renderEdition(manifest, { outDir: out, jobs: 1, cacheDir: cache, pages });
    expect(first.pages.every((p) => p.status === 'rendered')).toBe(true);

    const again = await renderEdition(manifest, {
      outDir: out,
      jobs: 1,
      cacheDir: cache,
      pages,
      changedOnly: true,
    });
    expect(again.pages.map((p) => p.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(again.pages[0]!.report?.stories).toHaveLength(2); // the kept page's report comes from the state

    // Page two's own story: only T2.
    const three = join(manifest, '..', 'articles', 'three.json');
    writeFileSync(
      three,
      readFileSync(three, 'utf8').replace('Page two has its own story', 'Page two has an edited story'),
    );
    const second = await renderEdition(manifest, {
      outDir: out,
      jobs: 1,
      cacheDir: cache,
      pages,
      changedOnly: true,
    });
    expect(second.pages.map((p) => `${p.label}:${p.status}`)).toEqual([
      'T1:unchanged',
      'T2:rendered',
      'T3:unchanged',
      'B3:unchanged',
    ]);

    // The story that jumps from T1 to T3: both pages.
    const one = join(manifest, '..', 'articles', 'one.json');
    writeFileSync(one, readFileSync(one, 'utf8').replace('jumps to the third page', 'jumps to page three'));
    const third = await renderEdition(manifest, {
      outDir: out,
      jobs: 1,
      cacheDir: cache,
      pages,
      changedOnly: true,
    });
    expect(third.pages.map((p) => `${p.label}:${p.status}`)).toEqual([
      'T1:rendered',
      'T2:unchanged',
      'T3:rendered',
      'B3:unchanged',
    ]);

    // A deleted PDF: that page.
    rmSync(join(out, 'test-edition-2026-11-29-b3.pdf'));
    const fourth = await renderEdition(manifest, {
      outDir: out,
      jobs: 1,
      cacheDir: cache,
      pages,
      changedOnly: true,
    });
    expect(fourth.pages.map((p) => p.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'rendered']);
  });

  it('writes the combined PDF with every page in page order', async () => {
    const { manifest, out } = setup('combined');
    const combined = join(out, 'edition.pdf');
    const result = await renderEdition(manifest, {
      outDir: out,
      jobs: 1,
      cacheDir: cache,
      pages: [0, 1, 2, 5],
      combined,
    });
    expect(result.combined).toBe(combined);
    expect(await expectCompletePdf(combined)).toBe(4);
    expect(readFileSync(combined).subarray(0, 8).toString('latin1')).toBe('%PDF-1.3'); // PDF/X-1a
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    } catch {
      return; // poppler not installed: the page count above must do
    }
    // Each page by what only it shows: T1's lead, T2's story, T3's jump headline, B3's story.
    const marks = [
      'The story that jumps',
      'Page two has its own story',
      'Continued from page T1',
      'The last page is fine',
    ];
    const found = marks.map((_, i) => {
      const text = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), combined, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
      return text.includes(marks[2]!) ? 2 : marks.findIndex((m) => text.includes(m)); // T3 repeats T1's headline
    });
    expect(found).toEqual([0, 1, 2, 3]);
  });

  it('does not write the combined PDF when a page failed', async () => {
    const { manifest, out } = setup('combined-failed');
    const result = await renderEdition(manifest, {
      outDir: out,
      jobs: 1,
      cacheDir: cache,
      pages: [1, 3],
      combined: join(out, 'edition.pdf'),
    });
    expect(result.ok).toBe(false);
    expect(result.combinedSkipped).toMatch(/1 page failed/);
    expect(existsSync(join(out, 'edition.pdf'))).toBe(false);
  });
});

describe('interrupted runs leave no partial files', () => {
  it('a write that fails mid-way fails its page only and leaves no temporary file', async () => {
    const { manifest, out } = setup('write-fails');
    // A folder where T2's PDF should go: the atomic rename fails after the data was written.
    mkdirSync(join(out, 'test-edition-2026-11-29-t2.pdf'), { recursive: true });
    const result = await renderEdition(manifest, { outDir: out, jobs: 1, cacheDir: cache, pages: [0, 1, 2] });
    expect(result.pages.map((p) => p.status)).toEqual(['rendered', 'failed', 'rendered']);
    expect(result.failures[0]!.reason).toMatch(/EISDIR|directory/i);
    expect(leftovers(out)).toEqual([]);
  });

  it('an aborted run keeps only complete PDFs and sweeps what a killed process left', async () => {
    const { manifest, out } = setup('aborted');
    mkdirSync(out, { recursive: true });
    const stale = join(out, '.test-edition-2026-11-29-t3.pdf.4242.0badf00d.tmp'); // as a killed process leaves it
    writeFileSync(stale, '%PDF-1.3 truncated');
    await expect(stoppedAfterFirstPage(manifest, out, { jobs: 1 })).rejects.toThrow('stop');
    const pdfs = readdirSync(out).filter((n) => n.endsWith('.pdf'));
    expect(pdfs).toEqual(['test-edition-2026-11-29-t1.pdf']);
    for (const name of pdfs) expect(await expectCompletePdf(join(out, name))).toBe(1);
    expect(leftovers(out)).toEqual([]);
    expect(statSync(join(out, pdfs[0]!)).size).toBeGreaterThan(1000);
  });

  it('an aborted run on worker processes rejects and leaves only complete PDFs', async () => {
    const { manifest, out } = setup('aborted-processes');
    await expect(stoppedAfterFirstPage(manifest, out, { jobs: 2, pool: 'processes' })).rejects.toThrow(
      'stop',
    );
    const pdfs = readdirSync(out).filter((n) => n.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    for (const name of pdfs) expect(await expectCompletePdf(join(out, name))).toBe(1);
    expect(leftovers(out)).toEqual([]);
  });
});
