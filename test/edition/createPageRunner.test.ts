/** How many workers set an edition's pages when `--jobs` is not given: as many as the cores keep busy. */
import { describe, expect, it } from 'vitest';
import { defaultJobs } from '../../src/edition/createPageRunner.js';

describe('defaultJobs', () => {
  it('gives each worker about 1.3 cores (its main thread and V8 threads beside it)', () => {
    expect(defaultJobs(1)).toBe(1);
    expect(defaultJobs(2)).toBe(1);
    expect(defaultJobs(3)).toBe(2);
    expect(defaultJobs(4)).toBe(3);
    expect(defaultJobs(8)).toBe(6);
    expect(defaultJobs(16)).toBe(12);
  });
});
