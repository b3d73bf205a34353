/** What `galley layout` says of the breaker's looseness in a module: counted, in a desk's words. */
import { describe, expect, it } from 'vitest';
import { describeLooseness } from '../../src/cli/formatPlans.js';

describe('describeLooseness', () => {
  it('says nothing when no paragraph was set looser or tighter', () => {
    expect(describeLooseness(undefined)).toEqual([]);
    expect(describeLooseness({})).toEqual([]);
  });
  it('counts one paragraph in the singular and more in the plural', () => {
    expect(describeLooseness({ 4: 1 })).toEqual(['1 paragraph a line looser']);
    expect(describeLooseness({ 1: 1, 7: 1, 9: 1 })).toEqual(['3 paragraphs a line looser']);
  });
  it('tells looser from tighter', () => {
    expect(describeLooseness({ 2: -1, 5: 1, 8: -1 })).toEqual([
      '1 paragraph a line looser',
      '2 paragraphs a line tighter',
    ]);
  });
});
