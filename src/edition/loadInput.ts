/**
 * What `galley render` and `galley preview` accept: an article (.json or .md) or an edition /
 * page plan (.json or .yaml with "sections"). Both become an Edition.
 */
import { extname } from 'node:path';
import { parseWithSchema } from '../model/parseWithSchema.js';
import { readDataFile } from '../model/readDataFile.js';
import { EditionSchema } from '../model/schema/editionSchema.js';
import type { Edition } from './Edition.js';
import { editionForArticle, type SingleArticleOptions } from './editionForArticle.js';
import { toEdition } from './loadEdition.js';

export function loadInput(
  file: string,
  single: SingleArticleOptions,
): { edition: Edition; kind: 'article' | 'edition' } {
  if (/^\.(md|markdown)$/i.test(extname(file)))
    return { edition: editionForArticle(file, single), kind: 'article' };
  const data = readDataFile(file, 'input');
  if (data && typeof data === 'object' && 'sections' in data) {
    return { edition: toEdition(parseWithSchema(EditionSchema, data, file), file), kind: 'edition' };
  }
  return { edition: editionForArticle(file, single), kind: 'article' };
}

/** yyyy-mm-dd from SOURCE_DATE_EPOCH (reproducible builds), else a fixed date: never the clock. */
export function defaultDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (Number.isFinite(epoch) && epoch > 0) return new Date(epoch * 1000).toISOString().slice(0, 10);
  return '2000-01-01';
}
