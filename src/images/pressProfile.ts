/**
 * The press characterisation galley converts photos through and embeds as the PDF/X output intent:
 * coldset newsprint built from CGATS/SNAP TR 002 data (see templates/icc/README.md).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Two levels above this file, both in src/ (vitest, tsx) and in dist/. */
export const PRESS_PROFILE_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'templates',
  'icc',
  'galley-newsprint-tr002.icc',
);

/** How the output intent names the printing condition (free text: TR 002 is not in the ICC registry). */
export const PRESS_CONDITION = {
  identifier: 'CGATS TR 002',
  info: 'Coldset offset on newsprint, CGATS/SNAP TR 002-2007 characterisation, TAC 230%',
  registry: 'http://www.color.org',
} as const;

/** Total area coverage the profile separates to, and the hard limit preflight enforces (percent). */
export const PRESS_TAC = { profile: 230, limit: 240 } as const;
