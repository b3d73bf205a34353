/**
 * Words of a story as the nothing-lost checks compare them: by letters and digits only (smart
 * quotes and dashes change punctuation, never words), the dateline run into the first paragraph
 * left out.
 */
import type { PlacedLine } from '../../src/layout/types.js';
import type { Article } from '../../src/model/article.js';
import { wordKey } from './fakeContext.js';

/** Every word of the story's body, in order. */
export function articleWords(a: Article): string[] {
  return a.body
    .flatMap((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.text).split(/\s+/u))
    .map(wordKey)
    .filter(Boolean);
}

/** The words of the body lines set, in order; `starts`: these lines begin the story (its dateline). */
export function setWords(article: Article, lines: readonly PlacedLine[], starts: boolean): string[] {
  const words = lines
    .flatMap((l) => l.line.words)
    .map(wordKey)
    .filter(Boolean);
  const dateline = article.dateline
    ? `${article.dateline} \u2014`.split(/\s+/u).map(wordKey).filter(Boolean)
    : [];
  return starts && dateline.every((w, i) => words[i] === w.toUpperCase() || words[i] === w)
    ? words.slice(dateline.length)
    : words;
}
