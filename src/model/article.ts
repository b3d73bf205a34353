/**
 * The article as the pipeline sees it: validated, with inline emphasis parsed and photo paths
 * made absolute. Plain data; produced by loadArticle.ts.
 */
import type { InlineRun } from '../text/types.js';

export type BodyBlock = { kind: 'paragraph'; runs: InlineRun[] } | { kind: 'subhead'; text: string };

export interface ArticlePhoto {
  /** Absolute path of the photo file. */
  source: string;
  /** The path as written in the article, for messages. */
  file: string;
  caption: string;
  credit: string;
  focus?: { x: number; y: number };
  columns?: number;
  afterParagraph?: number;
}

export interface ArticlePullQuote {
  text: string;
  attribution?: string;
  afterParagraph?: number;
}

export interface Article {
  /** The file it was loaded from, for messages. */
  file: string;
  id: string;
  section?: string;
  language: string;
  kicker?: string;
  headline: string;
  deck?: string;
  byline?: string;
  dateline?: string;
  body: BodyBlock[];
  pullQuotes: ArticlePullQuote[];
  photos: ArticlePhoto[];
}
