import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/model/loadArticle.js';
import { wordKey } from '../support/fakeContext.js';
import { runCli, tool } from '../support/runCli.js';
import { runGalleyInProcess } from '../support/runGalleyInProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-render-'));
const article = 'samples/cambodia-daily/article.json';

describe('galley render, end to end', () => {
  const pdf = join(dir, 'a1.pdf');
  let result: ReturnType<typeof runCli>;
  beforeAll(() => {
    result = runCli([
      'render',
      article,
      '--template',
      'broadsheet',
      '-o',
      pdf,
      '--cache',
      join(dir, 'cache'),
    ]);
  });

  it('writes a PDF and the fit report, exit 0', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Sokha Seeks/);
    expect(result.stdout).toMatch(/wrote .*a1\.pdf \(1 page/);
  });

  it("makes the page the template's trim size, with trim and bleed boxes", () => {
    const info = tool('pdfinfo', ['-box', pdf]);
    expect(info).toMatch(/Page size:\s+900 x 1548 pts/);
    expect(info).toMatch(/TrimBox:\s+0\.00\s+0\.00\s+900\.00\s+1548\.00/);
    expect(info).toMatch(/BleedBox:/);
  });

  it('embeds and subsets every font', () => {
    const rows = tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows)
      expect(row).toMatch(/\+\S+\s+(CID )?TrueType.*\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
  });

  it('sets every body word of the article, in reading order, and both captions', () => {
    const text = tool('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'])
      .replace(/-\n/g, '')
      .replace(/\u00ad/g, '');
    const pageWords = text.split(/\s+/).map(wordKey).filter(Boolean);
    const a = loadArticle(article);
    const bodyWords = a.body
      .flatMap((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.text).split(/\s+/))
      .map(wordKey)
      .filter(Boolean);
    let at = 0;
    const missing: string[] = [];
    for (const w of bodyWords) {
      const found = pageWords.indexOf(w, at);
      if (found < 0) missing.push(w);
      else at = found + 1;
    }
    expect(missing).toEqual([]);
    const flat = text.replace(/\s+/g, ' ');
    for (const photo of a.photos) expect(flat).toContain(photo.caption.split(' ').slice(0, 8).join(' '));
  });

  it('sets the Markdown form of the story the same way', async () => {
    const md = await runGalleyInProcess([
      'render',
      'samples/cambodia-daily/article.md',
      '-o',
      join(dir, 'md.pdf'),
      '--json',
      '--cache',
      join(dir, 'cache'),
    ]);
    expect(md.code).toBe(0);
    const report = JSON.parse(md.stdout);
    const json = await runGalleyInProcess([
      'render',
      article,
      '-o',
      join(dir, 'json.pdf'),
      '--json',
      '--cache',
      join(dir, 'cache'),
    ]);
    expect(report.pages).toEqual(
      JSON.parse(json.stdout).pages.map((p: { stories: { article: string }[] }) => ({
        ...p,
        stories: p.stories.map((s) => ({ ...s, article: 'samples/cambodia-daily/article.md' })),
      })),
    );
  });
});

describe('galley render, bad input', () => {
  const bad = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const expectRefused = async (args: string[], message: RegExp) => {
    const out = join(dir, `refused-${Math.random().toString(36).slice(2)}.pdf`);
    const r = await runGalleyInProcess([...args, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  };

  it('names the line and column of invalid JSON', async () => {
    await expectRefused(
      ['render', bad('broken.json', '{"headline": "x",\n "body": [}')],
      /broken\.json: invalid JSON at line 2, column 11/,
    );
  });

  it('names the field of a missing photo and its path', async () => {
    const file = bad(
      'nophoto.json',
      JSON.stringify({
        headline: 'x',
        body: ['Text.'],
        images: [{ file: 'missing.jpg', caption: 'c', credit: 'c' }],
      }),
    );
    await expectRefused(['render', file], /nophoto\.json: images\[0\]\.file: .*missing\.jpg/);
  });

  it('refuses a photo that is really a text file', async () => {
    bad('fake.jpg', 'this is not a photo');
    const file = bad(
      'fakephoto.json',
      JSON.stringify({ headline: 'x', body: ['Text.'], images: [{ file: 'fake.jpg' }] }),
    );
    await expectRefused(['render', file], /fakephoto\.json: images\[0\]\.file: .*fake\.jpg/);
  });

  it('refuses an unknown template, and columns the template does not have', async () => {
    await expectRefused(
      ['render', article, '--template', 'broadsheat'],
      /--template: unknown template "broadsheat"/,
    );
    await expectRefused(
      ['render', article, '--columns', '9'],
      /--columns: template "broadsheet" has 6 columns/,
    );
  });

  it('refuses a template whose columns do not fit its page', async () => {
    const t = bad(
      'narrow.json',
      JSON.stringify({
        name: 'narrow',
        trim: { width: '4in', height: '11in' },
        margins: { top: 36, right: 36, bottom: 36, left: 36 },
        columns: 8,
        gutter: 12,
        baseline: 11,
        styles: {},
      }),
    );
    await expectRefused(
      ['render', article, '--template', t],
      /narrow\.json: columns: 8 columns with 12 pt gutters leave/,
    );
  });

  it('refuses unknown options with usage, exit 2', async () => {
    const r = await runGalleyInProcess(['render', article, '--colums', '3', '-o', join(dir, 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown argument: colums/);
  });

  it('leaves no temporary files behind', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
