/**
 * An edition (or any set of pages): the page plans, in page order, and the stories that jump
 * between them. `galley render` sets one into a single PDF, `galley edition` sets every page in
 * parallel into its own PDF. A page plan places stories explicitly, by column and grid line.
 */
import { z } from 'zod';

const gridModule = {
  column: z.int().min(1).describe('First column of the module, 1-based'),
  columns: z.int().min(1).describe('Columns the module spans'),
  top: z.int().min(0).default(0).describe('Grid line of the type area where the module starts (0 = top)'),
  depth: z.int().min(1).optional().describe('Depth in grid lines (default: to the bottom of the type area)'),
};

export const StoryPlacementSchema = z.strictObject({
  article: z.string().min(1).describe('Article file (.json or .md), relative to this file'),
  ...gridModule,
  role: z
    .enum(['lead', 'secondary', 'brief'])
    .default('secondary')
    .describe('Sets headline size and photo spans'),
  headlineColumns: z.int().min(1).optional().describe('Columns the headline spans (default: the module)'),
  photos: z.boolean().default(true).describe("Place the article's photos (false for briefs)"),
  continuesOn: z
    .string()
    .optional()
    .describe('Page label where the overset continues, e.g. "A7" (sets a jump line)'),
  continuedFrom: z
    .string()
    .optional()
    .describe('Page label where the story starts; this module sets the rest under a jump headline'),
});

export const AdPlacementSchema = z.strictObject({
  ...gridModule,
  depth: z.int().min(1).describe('Depth in grid lines'),
  file: z.string().optional().describe('Advertisement artwork (an image), relative to this file'),
  label: z.string().default('Advertisement'),
});

export const PagePlanSchema = z.strictObject({
  label: z.string().optional().describe('Page label, e.g. "A1" (default: section prefix + page number)'),
  template: z.string().optional().describe("Template name or file (default: the edition's)"),
  front: z.boolean().default(false).describe('Set the flag (masthead) at the top'),
  stories: z.array(StoryPlacementSchema).default([]),
  ads: z.array(AdPlacementSchema).default([]),
});

export const SectionSchema = z.strictObject({
  name: z.string().min(1),
  prefix: z.string().default('').describe('Page-number prefix, e.g. "A"'),
  pages: z.array(PagePlanSchema).min(1),
});

export const EditionSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('Edition name, e.g. "Late City"'),
    newspaper: z.string().optional(),
    date: z.iso
      .date()
      .describe('Edition date, yyyy-mm-dd: printed in folios and used for reproducible PDF dates'),
    template: z.string().default('broadsheet').describe('Default template name or file'),
    sections: z.array(SectionSchema).min(1),
  })
  .describe('A galley edition: sections of page plans');

export type EditionData = z.output<typeof EditionSchema>;
export type PagePlanData = z.output<typeof PagePlanSchema>;
export type StoryPlacementData = z.output<typeof StoryPlacementSchema>;
export type AdPlacementData = z.output<typeof AdPlacementSchema>;
