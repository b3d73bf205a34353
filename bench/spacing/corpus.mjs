/**
 * The benchmark's text: the body paragraphs of the corpus articles, in file order. Both engines
 * get the same paragraphs; LuaLaTeX gets them smartened by galley's own smartenText (curly quotes,
 * en dashes, no-break spaces), so the characters on the page are the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = join(ROOT, 'samples/corpus/articles');
/** Broadsheet column: (828 pt type area − 5 gutters of 12 pt) / 6. */
export const MEASURE = 128;
/** Margins of the benchmark pages around the 128 pt text block. */
export const MARGIN = 10;

/** @returns {{ article: string, index: number, text: string, language: string }[]} */
export function corpusParagraphs() {
  const out = [];
  for (const file of readdirSync(CORPUS)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const article = JSON.parse(readFileSync(join(CORPUS, file), 'utf8'));
    article.body.forEach((text, index) => {
      out.push({ article: article.id ?? file, index, text, language: article.language ?? 'en-US' });
    });
  }
  return out;
}
