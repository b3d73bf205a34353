import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/model/loadArticle.js';
import { inputErrorOf } from '../support/inputErrorOf.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-article-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const errorOf = inputErrorOf;

describe('loadArticle', () => {
  it('loads the sample article as JSON and as Markdown with the same content', () => {
    const json = loadArticle('samples/cambodia-daily/article.json');
    const md = loadArticle('samples/cambodia-daily/article.md');
    expect(md.headline).toBe(json.headline);
    expect(md.body).toEqual(json.body);
    expect(md.pullQuotes).toEqual(json.pullQuotes);
    expect(md.photos.map((p) => [p.caption, p.credit, p.source])).toEqual(
      json.photos.map((p) => [p.caption, p.credit, p.source]),
    );
    expect(json.photos[0]!.source).toMatch(/samples\/cambodia-daily\/kodak-sailboats-2048x3072\.jpg$/);
  });

  it('reads subheads, emphasis, photos and pull quotes from Markdown', () => {
    const file = write(
      'a.md',
      '---\nheadline: Test\n---\n\nFirst *para*.\n\n## A subhead\n\n![The caption](p.jpg "The credit")\n\n> Quoted words -- Someone\n\nSecond.\n',
    );
    const a = loadArticle(file);
    expect(a.body).toEqual([
      { kind: 'paragraph', runs: [{ text: 'First ' }, { text: 'para', italic: true }, { text: '.' }] },
      { kind: 'subhead', text: 'A subhead' },
      { kind: 'paragraph', runs: [{ text: 'Second.' }] },
    ]);
    expect(a.photos[0]).toMatchObject({ caption: 'The caption', credit: 'The credit', afterParagraph: 1 });
    expect(a.pullQuotes[0]).toEqual({ text: 'Quoted words', attribution: 'Someone', afterParagraph: 1 });
  });

  it('names the file, line and column of invalid JSON', () => {
    const e = errorOf(() => loadArticle(write('bad.json', '{\n  "headline": "x",\n  "body": [,]\n}')));
    expect(e.file).toMatch(/bad\.json$/);
    expect(e.reason).toMatch(/^invalid JSON at line 3, column \d+/);
  });

  it('names the field and what was expected', () => {
    const e = errorOf(() => loadArticle(write('type.json', '{"headline": "x", "body": "not a list"}')));
    expect(e.field).toBe('body');
    expect(e.reason).toMatch(/expected array/);
  });

  it('suggests the field meant by a misspelt one', () => {
    const e = errorOf(() =>
      loadArticle(write('typo.json', '{"headline": "x", "body": [], "pullquotes": []}')),
    );
    expect(e.reason).toBe('unknown field "pullquotes" (did you mean "pullQuotes"?)');
  });

  it('says a required field is missing', () => {
    const e = errorOf(() => loadArticle(write('missing.json', '{"body": []}')));
    expect(e.field).toBe('headline');
    expect(e.reason).toMatch(/missing required field/);
  });

  it('gives the line of invalid YAML front matter', () => {
    const e = errorOf(() => loadArticle(write('bad.md', '---\nheadline: [unclosed\n---\n\nText.\n')));
    expect(e.reason).toMatch(/^invalid YAML at line \d+/);
  });

  it('refuses Markdown without front matter', () => {
    expect(errorOf(() => loadArticle(write('plain.md', 'Just text.'))).reason).toMatch(/front matter/);
  });

  it('says when the file does not exist', () => {
    expect(errorOf(() => loadArticle(join(dir, 'nope.json'))).reason).toMatch(/no such file/);
  });
});
