/**
 * The body as flow blocks: each paragraph and subhead prepared once (width-independent), the
 * dateline run into the first paragraph, and a continued story started at its resume point.
 */
import type { Article } from '../model/article.js';
import type { Template } from '../model/template.js';
import { countWords, isWord } from '../text/countWords.js';
import { normalizeText } from '../text/normalizeText.js';
import type { InlineRun } from '../text/types.js';
import type { FlowBlock } from './flowBody.js';
import { prepareText, type TypesetContext } from './TypesetContext.js';

/** Where a story continues: the block, and the word within it (whitespace-separated words). */
export interface ResumePoint {
  block: number;
  word: number;
  /** Photos and pull quotes (by index in the article) the first page left for the jump page. */
  deferred?: { photos: number[]; quotes: number[] };
}

export interface PreparedBody {
  blocks: FlowBlock[];
  /** Index in article.body of blocks[0]. */
  firstBlock: number;
  /** Words of blocks[0] that precede the article's text (the dateline) or were set before (resume). */
  wordOffset: number;
  /** Words run in before the article's own first word (the dateline): not the article's words. */
  prefixWords: number;
}

export function prepareBody(
  ctx: TypesetContext,
  t: Template,
  article: Article,
  resume?: ResumePoint,
): PreparedBody {
  const blocks: FlowBlock[] = [];
  const start = resume?.block ?? 0;
  let prefixWords = 0;
  let seenParagraph = false;
  for (let i = start; i < article.body.length; i++) {
    const block = article.body[i]!;
    if (block.kind === 'subhead') {
      const style = t.styles.subhead;
      blocks.push({
        kind: 'subhead',
        paragraph: prepareText(ctx, block.text, style, article.language),
      });
      continue;
    }
    let runs: InlineRun[] = block.runs;
    if (i === start && resume && resume.word > 0) runs = sliceRunsFromWord(runs, resume.word);
    const first = !seenParagraph && !resume && i === 0;
    if (first && article.dateline) {
      const dateline = `${article.dateline.toUpperCase()} \u2014 `;
      prefixWords = countWords(dateline);
      runs = [{ text: dateline, bold: true }, ...runs];
    }
    const afterHeading = i === start || article.body[i - 1]?.kind === 'subhead';
    blocks.push({
      kind: 'paragraph',
      paragraph: prepareText(ctx, runs, t.styles.body, article.language, !afterHeading),
    });
    seenParagraph = true;
  }
  return { blocks, firstBlock: start, wordOffset: resume?.word ?? 0, prefixWords };
}

/** The runs from the n-th word on (emphasis kept); the runs are normalised first. */
export function sliceRunsFromWord(runs: readonly InlineRun[], n: number): InlineRun[] {
  const normal = runs.map((r) => ({ ...r, text: normalizeText(r.text) }));
  let seen = 0;
  let token = '';
  let start: { run: number; index: number } | undefined;
  for (let r = 0; r <= normal.length; r++) {
    const text = r < normal.length ? normal[r]!.text : ' ';
    for (let i = 0; i < text.length; i++) {
      if (/\s/u.test(text[i]!)) {
        if (token && isWord(token)) {
          if (seen === n)
            return [
              { ...normal[start!.run]!, text: normal[start!.run]!.text.slice(start!.index) },
              ...normal.slice(start!.run + 1),
            ];
          seen++;
        }
        token = '';
        start = undefined;
      } else {
        if (!token) start = { run: r, index: i };
        token += text[i];
      }
    }
  }
  return [];
}
