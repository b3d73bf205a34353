/** Loads an article file (.json, or .md with YAML front matter) into the pipeline's Article. */

import { basename, dirname, extname, resolve } from 'node:path';
import { countWords } from '../text/countWords.js';
import type { Article, BodyBlock } from './article.js';
import { InputError } from './InputError.js';
import { parseArticleMarkdown } from './parseArticleMarkdown.js';
import { parseInline } from './parseInline.js';
import { parseWithSchema } from './parseWithSchema.js';
import { parseJsonText, readTextFile } from './readDataFile.js';
import { type PathPolicy, resolveInsideRoots } from './resolveInsideRoots.js';
import { ArticleSchema } from './schema/articleSchema.js';

/**
 * A story of more words than this is refused: the longest newspaper features run to 10,000 words,
 * and a body of 100,000 would take minutes to set only to be overset.
 */
export const MAX_STORY_WORDS = 50_000;

/**
 * Photo paths resolve inside the article's folder, its parent (an edition folder's usual layout:
 * `articles/story.json` naming `../images/photo.jpg`), the current folder, or `allowRoots`.
 */
export interface LoadArticleOptions extends PathPolicy {
  /** Refuse a body of more words than this (default MAX_STORY_WORDS). */
  maxWords?: number;
}

/** `shownAs` is how messages name the file (the path as the user wrote it). */
export function loadArticle(file: string, shownAs = file, options: LoadArticleOptions = {}): Article {
  const text = readTextFile(file, 'article', shownAs);
  const isMarkdown = /\.(md|markdown)$/i.test(file);
  const raw = isMarkdown ? parseArticleMarkdown(text, shownAs) : parseJsonText(text, shownAs);
  return toArticle(parseWithSchema(ArticleSchema, raw, shownAs), file, shownAs, options);
}

export function toArticle(
  data: ReturnType<typeof ArticleSchema.parse>,
  file: string,
  shownAs = file,
  options: LoadArticleOptions = {},
): Article {
  const dir = dirname(resolve(file));
  const maxWords = options.maxWords ?? MAX_STORY_WORDS;
  const photoPolicy = { allowRoots: [dirname(dir), ...(options.allowRoots ?? [])] };
  let words = 0;
  for (const block of data.body) {
    const text = typeof block === 'string' ? block : 'subhead' in block ? block.subhead : block.paragraph;
    words += countWords(text);
  }
  if (words > maxWords)
    throw new InputError(shownAs, 'body', `${words} words; at most ${maxWords} are set in one story`);
  const body: BodyBlock[] = data.body.map((block) =>
    typeof block === 'string'
      ? { kind: 'paragraph', runs: parseInline(block) }
      : 'subhead' in block
        ? { kind: 'subhead', text: block.subhead }
        : { kind: 'paragraph', runs: parseInline(block.paragraph) },
  );
  return {
    file: shownAs,
    id: data.id ?? basename(file, extname(file)),
    ...(data.section !== undefined && { section: data.section }),
    language: data.language,
    ...(data.kicker && { kicker: data.kicker }),
    headline: data.headline,
    ...(data.deck && { deck: data.deck }),
    ...(data.byline && { byline: data.byline }),
    ...(data.dateline && { dateline: data.dateline }),
    body,
    pullQuotes: data.pullQuotes.map((q) => ({
      text: q.text,
      ...(q.attribution && { attribution: q.attribution }),
      ...(q.afterParagraph !== undefined && { afterParagraph: q.afterParagraph }),
    })),
    photos: data.images.map((img, i) => ({
      source: resolveInsideRoots(img.file, dir, { file: shownAs, field: `images[${i}].file` }, photoPolicy),
      file: img.file,
      caption: img.caption,
      credit: img.credit,
      ...(img.focus && { focus: img.focus }),
      ...(img.placement?.columns !== undefined && { columns: img.placement.columns }),
      ...(img.placement?.afterParagraph !== undefined && { afterParagraph: img.placement.afterParagraph }),
    })),
  };
}
