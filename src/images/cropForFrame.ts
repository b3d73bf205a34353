/** Pure helper: the largest crop of a source with a frame's aspect ratio, centred on a focal point. */
import type { Rect } from '../layout/geometry.js';

export interface Focus {
  /** 0 = left/top edge, 1 = right/bottom edge, 0.5 = centre. */
  x: number;
  y: number;
}

export const CENTRE: Focus = { x: 0.5, y: 0.5 };

/**
 * The crop (source pixels, integers) that fills a frame of `frameW` x `frameH` (any unit, only the
 * ratio matters) without distortion: full width or full height of the source, the other side cut
 * symmetrically around `focus` and clamped so the crop stays inside the source.
 */
export function cropForFrame(
  srcW: number,
  srcH: number,
  frameW: number,
  frameH: number,
  focus: Focus = CENTRE,
): Rect {
  if (!(srcW > 0 && srcH > 0 && frameW > 0 && frameH > 0)) {
    throw new RangeError(
      `cropForFrame: sizes must be positive (source ${srcW}x${srcH}, frame ${frameW}x${frameH})`,
    );
  }
  const frameRatio = frameW / frameH;
  let width = srcW;
  let height = Math.round(srcW / frameRatio);
  if (height > srcH) {
    height = srcH;
    width = Math.min(srcW, Math.round(srcH * frameRatio));
  }
  width = Math.max(1, width);
  height = Math.max(1, height);
  const fx = clamp01(focus.x);
  const fy = clamp01(focus.y);
  const x = clamp(Math.round(fx * srcW - width / 2), 0, srcW - width);
  const y = clamp(Math.round(fy * srcH - height / 2), 0, srcH - height);
  return { x, y, width, height };
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? clamp(v, 0, 1) : 0.5;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
