/**
 * How long a test may wait before it is taken to hang. It bounds a hang, never speed: a correct
 * run on a slow or busy machine must never reach it (speed is measured in `npm run bench`).
 * vitest.config.ts uses the same figure for every test and hook.
 */
export const HANG_LIMIT_MS = 10 * 60_000;
