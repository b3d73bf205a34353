/** Moves placed elements down by dy (a float tried at another grid line is the same float, moved). */
import type { Rect } from './geometry.js';
import type { Float } from './placePhoto.js';
import type { PlacedElement } from './types.js';

const down = (r: Rect, dy: number): Rect => ({ ...r, y: r.y + dy });

export function shiftElement(e: PlacedElement, dy: number): PlacedElement {
  switch (e.kind) {
    case 'lines':
      return { ...e, lines: e.lines.map((l) => ({ ...l, y: l.y + dy })) };
    case 'rule':
      return { ...e, from: { x: e.from.x, y: e.from.y + dy }, to: { x: e.to.x, y: e.to.y + dy } };
    case 'rect':
    case 'photo':
    case 'debug':
      return { ...e, rect: down(e.rect, dy) };
  }
}

export function shiftFloat<F extends Float>(f: F, dy: number): F {
  if (dy === 0) return f;
  return {
    ...f,
    rect: down(f.rect, dy),
    exclusion: down(f.exclusion, dy),
    elements: f.elements.map((e) => shiftElement(e, dy)),
  };
}
