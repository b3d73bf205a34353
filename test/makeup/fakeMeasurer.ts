/**
 * A StoryMeasurer with exact, made-up depths: a story of `lines` body lines set k columns wide
 * needs a head of `head` lines plus ceil(lines / k) lines, and a photo adds between `photo.min`
 * and `photo.max` lines. Settling always fills (the fake has no keeps). For testing the search.
 */
import type { StoryMeasurer, StoryShape } from '../../src/makeup/StoryMeasurer.js';
import type { MakeupStory } from '../../src/makeup/types.js';

export interface FakeStory {
  lines: number;
  head: number;
  photo?: { min: number; max: number };
}

export function fakeMeasurer(stories: readonly FakeStory[], pageLines: number): StoryMeasurer {
  return {
    shapes(s, columns) {
      const f = stories[s]!;
      const body = Math.ceil(f.lines / columns);
      if (body < 4) return [];
      const out: StoryShape[] = [];
      const base = { columns, quote: false, headlineSize: 40 - s, headLines: f.head, photosSet: 0 };
      if (f.photo) {
        const min = f.head + f.photo.min + body;
        if (min <= pageLines)
          out.push({
            ...base,
            photo: true,
            photoLines: f.photo,
            photosSet: 1,
            fill: { min, max: Math.min(pageLines, f.head + f.photo.max + body + 1) },
          });
      }
      const plain = f.head + body;
      if (plain <= pageLines) out.push({ ...base, photo: false, fill: { min: plain, max: plain + 1 } });
      return out;
    },
    settle(_s, rect, shape) {
      return {
        choice: {
          columns: rect.columns,
          depth: rect.depth,
          quote: false,
          headlineSize: shape.headlineSize,
          jumps: false,
        },
        hole: 0,
        overset: 0,
      };
    },
  };
}

export function makeupStories(n: number): MakeupStory[] {
  return Array.from({ length: n }, (_, rank) => ({
    article: {
      file: `story-${rank}.json`,
      id: `s${rank}`,
      language: 'en-US',
      headline: `Story ${rank}`,
      body: [],
      pullQuotes: [],
      photos: [],
    },
    field: `stories[${rank}]`,
    rank,
    minColumns: 1,
    maxColumns: 6,
    photos: 'optional' as const,
    brief: false,
  }));
}
