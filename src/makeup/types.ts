/**
 * Page makeup's data: what a page asks for (ranked stories with their constraints, booked ads,
 * hand-placed modules) and what makeup decides (a module and its choices per story, ads placed,
 * stories held with the reason), with the score that chose it. Plain data, in grid terms of the
 * page's content area (below the flag or folio): columns 0-based, grid lines from its top.
 */

import type { ResumePoint } from '../layout/prepareBody.js';
import type { Article } from '../model/article.js';

export interface GridRect {
  column: number;
  columns: number;
  top: number;
  depth: number;
}

export type PhotoRule = 'required' | 'optional' | 'none';

export interface MakeupStory {
  article: Article;
  /** Where it sits in the input file, for reports ("sections[0].pages[2].stories[1]"). */
  field: string;
  /** 0 is the page's lead; the order of the stories on the page plan. */
  rank: number;
  minColumns: number;
  maxColumns: number;
  photos: PhotoRule;
  /** The label of a page the rest may continue on. */
  jump?: string;
  brief: boolean;
  /** A continuation on its jump page: the body starts at `resume`, under a jump headline. */
  continuedFrom?: string;
  resume?: ResumePoint;
  /** Hand-placed: makeup keeps it where it is. */
  fixed?: GridRect;
}

export interface MakeupAd {
  field: string;
  columns: number;
  depth: number;
  /** Booked at a position; absent: stacked in the pyramid from the bottom outside corner. */
  at?: { column: number; top: number };
  label: string;
  /** Not booked: a house ad makeup put where the stories left white (houseAds.ts). */
  house?: boolean;
}

/** What makeup decided for one story's module. */
export interface ModuleChoice {
  columns: number;
  depth: number;
  /** The top photo across the module, and its depth in grid lines (with credit and caption). */
  photoLines?: number;
  quote: boolean;
  headlineSize: number;
  /** The rest continues on the story's jump page. */
  jumps: boolean;
  /** Paragraphs set a line longer or shorter than their optimum (by body index), to fill the columns. */
  looseness?: Record<number, number>;
  /** Set as a hand-placed module is (the role's photo and headline defaults), not by makeup's choices. */
  asPlaced?: boolean;
}

export interface PlacedStory {
  story: number;
  rect: GridRect;
  choice: ModuleChoice;
}

export interface HeldStory {
  story: number;
  reason: string;
}

/** Named terms of a page's score: lower is better; `total` is their sum. */
export type ScoreTerms = Record<string, number>;

export interface PagePlan {
  stories: PlacedStory[];
  ads: { ad: number; rect: GridRect }[];
  held: HeldStory[];
  score: ScoreTerms;
  total: number;
}
