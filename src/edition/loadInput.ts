/**
 * What `galley render` and `galley preview` accept: an article (.json or .md) or an edition /
 * page plan (.json or .yaml with "sections"). Both become an Edition.
 */
import { extname } from 'node:path';
import { parseWithSchema } from '../model/parseWithSchema.js';
import { readDataFile } from '../model/readDataFile.js';
import type { PathPolicy } from '../model/resolveInsideRoots.js';
import { EditionSchema } from '../model/schema/editionSchema.js';
import type { Edition } from './Edition.js';
import { editionForArticle, type SingleArticleOptions } from './editionForArticle.js';
import { toEdition } from './loadEdition.js';

export function loadInput(
  file: string,
  single: SingleArticleOptions,
  policy: PathPolicy = {},
): { edition: Edition; kind: 'article' | 'edition' } {
  const article = () => ({
    edition: {
      ...editionForArticle(file, single),
      ...(policy.allowRoots?.length && { allowRoots: [...policy.allowRoots] }),
    },
    kind: 'article' as const,
  });
  if (/^\.(md|markdown)$/i.test(extname(file))) return article();
  const data = readDataFile(file, 'input');
  if (looksLikeEdition(data)) {
    return {
      edition: toEdition(parseWithSchema(EditionSchema, data, file), file, undefined, policy),
      kind: 'edition',
    };
  }
  return article();
}

const EDITION_KEYS = ['name', 'newspaper', 'date', 'template', 'sections'];
const ARTICLE_KEYS = ['headline', 'body', 'kicker', 'deck', 'byline', 'dateline', 'images', 'pullQuotes'];

/** An edition has "sections"; without them (misspelt), it is the one whose fields it shares more. */
function looksLikeEdition(data: unknown): boolean {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  if ('sections' in data) return true;
  const keys = Object.keys(data);
  const shared = (known: readonly string[]) => keys.filter((k) => known.includes(k)).length;
  return shared(EDITION_KEYS) > shared(ARTICLE_KEYS);
}

/** yyyy-mm-dd from SOURCE_DATE_EPOCH (reproducible builds), else a fixed date: never the clock. */
export function defaultDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (Number.isFinite(epoch) && epoch > 0) return new Date(epoch * 1000).toISOString().slice(0, 10);
  return '2000-01-01';
}
