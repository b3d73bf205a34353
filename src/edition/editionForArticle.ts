/**
 * A one-page edition around a single article, for `galley render article.json`: a front page with
 * the flag and the story as its lead, made up by page makeup like any page (module width, photo
 * depth and headline chosen to fill the page); `columns` pins the module's width.
 */
import { dirname, resolve } from 'node:path';
import type { Edition } from './Edition.js';

export interface SingleArticleOptions {
  template: string;
  /** Columns the story spans (absent: makeup chooses). */
  columns?: number;
  /** yyyy-mm-dd; default: from SOURCE_DATE_EPOCH, else 2000-01-01 (never the clock: output is reproducible). */
  date: string;
  front?: boolean;
  label?: string;
}

export function editionForArticle(articleFile: string, options: SingleArticleOptions): Edition {
  return {
    file: articleFile,
    dir: dirname(resolve(articleFile)),
    name: 'Proof',
    date: options.date,
    pages: [
      {
        index: 0,
        label: options.label ?? 'A1',
        section: 'Front',
        template: options.template,
        front: options.front ?? true,
        // A lone article is proofed as set: its white is reported, not filled.
        houseAds: false,
        field: '',
        stories: [
          {
            article: articleFile,
            articlePath: resolve(articleFile),
            ...(options.columns !== undefined && {
              minColumns: options.columns,
              maxColumns: options.columns,
            }),
            role: 'lead',
            brief: false,
            photos: true,
          },
        ],
        ads: [],
      },
    ],
  };
}
