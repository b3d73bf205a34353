/** A typesetting context for layout tests: the fake font (every glyph 0.5 em) and total-fit breaking. */
import type { TypesetContext } from '../../src/layout/TypesetContext.js';
import { createFakeShaper } from '../../src/text/createFakeShaper.js';
import { totalFitEngines } from '../../src/text/engines.js';

export function fakeContext(photos: Record<string, { width: number; height: number }> = {}): TypesetContext {
  return { shaper: createFakeShaper(0.5), engines: totalFitEngines, photos: new Map(Object.entries(photos)) };
}

/** Letters and digits only: smart quotes and dashes may change punctuation, never words. */
export function wordKey(word: string): string {
  return word.replace(/[^\p{L}\p{N}]/gu, '');
}
