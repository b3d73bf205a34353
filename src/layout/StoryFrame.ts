/**
 * A story's module on the page in grid terms, and the geometry derived from it.
 */
import type { Template } from '../model/template.js';
import { columnX, gridY, spanWidth } from '../model/template.js';
import type { Pt, Rect } from './geometry.js';

export interface StoryFrame {
  /** First column of the page grid (0-based) and columns spanned. */
  column: number;
  columns: number;
  /** First grid line and depth in grid lines. */
  top: number;
  depth: number;
}

export function frameRect(t: Template, f: StoryFrame): Rect {
  return {
    x: columnX(t, f.column),
    y: gridY(t, f.top),
    width: spanWidth(t, f.columns),
    height: f.depth * t.baseline,
  };
}

/** Left edges of the frame's columns. */
export function frameColumnsX(t: Template, f: StoryFrame): Pt[] {
  return Array.from({ length: f.columns }, (_, i) => columnX(t, f.column + i));
}

export function describeFrame(f: StoryFrame): string {
  return `${f.columns} col x ${f.depth} lines at column ${f.column + 1}, line ${f.top}`;
}
