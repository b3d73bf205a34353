import { normalizeText } from './normalizeText.js';

/**
 * Words as the text engine counts them (`SetLine.words`): the text normalised as the engine does
 * (invisible marks stripped, exotic spaces mapped), split at white space, leaving out tokens that
 * are nothing but zero-width characters. The report's counts and the jump's resume point rely on
 * the two agreeing.
 */
export function countWords(text: string): number {
  return normalizeText(text).split(/\s+/u).filter(isWord).length;
}

const INVISIBLE_ONLY = /^(?:\u200b|\u200c|\u200d|\u00ad)*$/u;

export function isWord(token: string): boolean {
  return !INVISIBLE_ONLY.test(token);
}
