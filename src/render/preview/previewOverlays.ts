/**
 * Debug overlays: which DebugItem categories each `--show` name turns on, and how each category
 * is drawn. The PDF backend skips debug items; the preview draws only the requested categories.
 */
import type { DebugCategory } from '../../display/types.js';

/** The names the CLI accepts for `--show`. */
export type PreviewOverlay = 'grid' | 'baselines' | 'frames' | 'overset' | 'loose';

/** How one category is drawn. Baselines are lines at the bottom edge of their rect (height 0 = the line). */
export interface OverlayStyle {
  shape: 'box' | 'baseline';
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeOpacity?: number;
  /** Stroke width in preview pixels (constant on screen whatever the dpi). */
  strokePx?: number;
  dash?: string;
}

export const OVERLAYS: Readonly<Record<PreviewOverlay, { categories: readonly DebugCategory[] }>> = {
  grid: { categories: ['column'] },
  baselines: { categories: ['baseline'] },
  frames: { categories: ['frame', 'module'] },
  overset: { categories: ['overset'] },
  loose: { categories: ['loose'] },
};

export const OVERLAY_STYLES: Readonly<Record<DebugCategory, OverlayStyle>> = {
  column: {
    shape: 'box',
    fill: '#4aa3ff',
    fillOpacity: 0.12,
    stroke: '#4aa3ff',
    strokeOpacity: 0.5,
    strokePx: 1,
  },
  baseline: { shape: 'baseline', stroke: '#00c8e0', strokeOpacity: 0.55, strokePx: 0.6 },
  frame: { shape: 'box', stroke: '#e000e0', strokeOpacity: 0.85, strokePx: 1 },
  module: { shape: 'box', stroke: '#9b30ff', strokeOpacity: 0.85, strokePx: 1.5, dash: '4 2' },
  overset: {
    shape: 'box',
    fill: '#ff0000',
    fillOpacity: 0.3,
    stroke: '#ff0000',
    strokeOpacity: 0.9,
    strokePx: 1.5,
  },
  loose: {
    shape: 'box',
    fill: '#ff8c00',
    fillOpacity: 0.3,
    stroke: '#ff8c00',
    strokeOpacity: 0.8,
    strokePx: 1,
  },
};

const CATEGORIES = new Set<string>(Object.keys(OVERLAY_STYLES));

/** The debug categories to draw for `show` (overlay names or raw category names). */
export function resolveOverlays(show: readonly (PreviewOverlay | DebugCategory)[] = []): Set<DebugCategory> {
  const out = new Set<DebugCategory>();
  for (const name of show) {
    if (name in OVERLAYS) for (const c of OVERLAYS[name as PreviewOverlay].categories) out.add(c);
    else if (CATEGORIES.has(name)) out.add(name as DebugCategory);
    else throw new Error(`unknown overlay "${name}" (known: ${Object.keys(OVERLAYS).join(', ')})`);
  }
  return out;
}
