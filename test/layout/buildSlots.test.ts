import { describe, expect, it } from 'vitest';
import { buildSlots, type SlotGrid } from '../../src/layout/buildSlots.js';

const grid: SlotGrid = {
  columnX: [0, 110],
  columnWidth: 100,
  gridTop: 0,
  baseline: 10,
  firstLine: 0,
  endLine: 10,
};

describe('buildSlots', () => {
  it('gives one slot per grid line of each column, down the first column first', () => {
    const slots = buildSlots(grid, []);
    expect(slots).toHaveLength(20);
    expect(slots.slice(0, 10).every((s) => s.column === 0)).toBe(true);
    expect(slots.map((s) => s.line).slice(0, 3)).toEqual([0, 1, 2]);
    expect(slots[0]).toMatchObject({ x: 0, width: 100, top: 0 });
    expect(slots[10]).toMatchObject({ x: 110, column: 1, line: 0 });
  });

  it('drops the slots an exclusion covers across the whole column', () => {
    const slots = buildSlots(grid, [{ x: -5, y: 20, width: 110, height: 30 }]);
    expect(slots.filter((s) => s.column === 0).map((s) => s.line)).toEqual([0, 1, 5, 6, 7, 8, 9]);
    expect(slots.filter((s) => s.column === 1)).toHaveLength(10);
  });

  it('narrows the slots an exclusion covers in part, keeping the wider side', () => {
    const slots = buildSlots(grid, [{ x: 60, y: 0, width: 80, height: 20 }]);
    const first = slots.filter((s) => s.line === 0);
    expect(first.map((s) => [s.column, s.x, s.width])).toEqual([
      [0, 0, 60],
      [1, 140, 70],
    ]);
  });

  it('drops a slot narrowed below 40% of its column', () => {
    const slots = buildSlots(grid, [{ x: 30, y: 0, width: 80, height: 10 }]);
    expect(slots.filter((s) => s.line === 0 && s.column === 0)).toEqual([]);
  });

  it('puts each baseline inside its grid line, near the bottom', () => {
    for (const s of buildSlots(grid, [])) {
      expect(s.baseline).toBeGreaterThan(s.top);
      expect(s.baseline).toBeLessThan(s.top + 10);
    }
  });
});
