/**
 * The one question makeup asks layout: what shapes can this story take at this width, and how
 * deep is each? A shape is a module width with its choices (the top photo or none, the pull quote
 * or none, the ladder's headline size) and the depths at which it fills its module exactly:
 * without jumping (`fill`), and for a story allowed to jump, by continuing the rest (`jump`).
 * The search plans with these; `settle` then lays the chosen module out for real and picks the
 * photo depth that fills it. Tests fake this interface (test/makeup/fakeMeasurer.ts).
 */
import type { GridRect, ModuleChoice } from './types.js';

export interface DepthRange {
  min: number;
  max: number;
}

export interface StoryShape {
  columns: number;
  photo: boolean;
  quote: boolean;
  headlineSize: number;
  /** Content depths (grid lines, the hairline above a lower module not counted) it fills. */
  fill?: DepthRange;
  jump?: DepthRange;
  /** Lines of the story's head (kicker, headline, deck, byline). */
  headLines: number;
  /** Lines of the top photo float at its shallowest, when the shape has one. */
  photoLines?: DepthRange;
  /** Photos the shape sets (the top one and those inline): settling must not lose one. */
  photosSet: number;
  /** The top photo prints below 150 ppi at this width, however shallow. */
  lowResPhoto?: boolean;
}

export interface StoryMeasurer {
  /** The story's shapes at this width, best first; none when it cannot be set that wide. */
  shapes(story: number, columns: number): readonly StoryShape[];
  /**
   * Lays the story out in `rect` (content grid terms) with the shape's choices, the photo
   * deepened or made shallower until every column reaches the module's foot. `hole` is the
   * deepest white left at a column's foot (under 2 lines: filled), `overset` lines that did not
   * fit (a story that jumps has none). A module that does not fill is searched around.
   */
  settle(story: number, rect: GridRect, shape: StoryShape): Settled;
}

export interface Settled {
  choice: ModuleChoice;
  hole: number;
  overset: number;
}

/** A module is filled when no column ends this many lines or more above its foot. */
export const HOLE_LINES = 2;

/** The grid line above a module that sits under another holds the hairline between them. */
export function contentDepth(rect: GridRect): number {
  return rect.top > 0 ? rect.depth - 1 : rect.depth;
}
