/** Loads an article file (.json, or .md with YAML front matter) into the pipeline's Article. */
import { basename, dirname, extname, resolve } from 'node:path';
import type { Article, BodyBlock } from './article.js';
import { parseArticleMarkdown } from './parseArticleMarkdown.js';
import { parseInline } from './parseInline.js';
import { parseWithSchema } from './parseWithSchema.js';
import { parseJsonText, readTextFile } from './readDataFile.js';
import { ArticleSchema } from './schema/articleSchema.js';

/** `shownAs` is how messages name the file (the path as the user wrote it). */
export function loadArticle(file: string, shownAs = file): Article {
  const text = readTextFile(file, 'article', shownAs);
  const isMarkdown = /\.(md|markdown)$/i.test(file);
  const raw = isMarkdown ? parseArticleMarkdown(text, shownAs) : parseJsonText(text, shownAs);
  return toArticle(parseWithSchema(ArticleSchema, raw, shownAs), file, shownAs);
}

export function toArticle(
  data: ReturnType<typeof ArticleSchema.parse>,
  file: string,
  shownAs = file,
): Article {
  const dir = dirname(resolve(file));
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
    photos: data.images.map((img) => ({
      source: resolve(dir, img.file),
      file: img.file,
      caption: img.caption,
      credit: img.credit,
      ...(img.focus && { focus: img.focus }),
      ...(img.placement?.columns !== undefined && { columns: img.placement.columns }),
      ...(img.placement?.afterParagraph !== undefined && { afterParagraph: img.placement.afterParagraph }),
    })),
  };
}
