/**
 * An edition loaded and checked: every page with its label, section and number, paths resolved.
 * Plain data; `galley render` of a single article makes a one-page edition of it.
 */
import type { AdPlacementData, StoryPlacementData } from '../model/schema/editionSchema.js';

export interface EditionPage {
  /** Position in the edition, 0-based. */
  index: number;
  label: string;
  section: string;
  template: string;
  front: boolean;
  /** Makeup may fill white the stories leave with a house ad. */
  houseAds: boolean;
  /** Where this page's plan sits in the file, e.g. "sections[0].pages[2]", for messages. */
  field: string;
  stories: (StoryPlacementData & { articlePath: string })[];
  ads: (AdPlacementData & { artworkPath?: string })[];
}

export interface Edition {
  /** The file it came from (as the user named it) and its folder (absolute), for resolving paths. */
  file: string;
  dir: string;
  name: string;
  newspaper?: string;
  date: string;
  pages: EditionPage[];
  /** Folders besides the input's own that its files (and its articles' photos) may come from. */
  allowRoots?: string[];
}
