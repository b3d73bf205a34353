/**
 * The text engines as interchangeable records: total-fit (the product) and greedy (first-fit,
 * for benchmarks and comparisons). Both prepare paragraphs the same way.
 */
import { breakGreedy } from './breakGreedy.js';
import { prepareParagraph } from './prepareParagraph.js';
import { setLines, setLinesWith } from './setLines.js';
import type { Engines } from './types.js';

export const totalFitEngines: Engines = Object.freeze({ prepare: prepareParagraph, setLines });

export const greedyEngines: Engines = Object.freeze({
  prepare: prepareParagraph,
  setLines: setLinesWith(breakGreedy),
});
