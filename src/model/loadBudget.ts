/**
 * Loads a story budget (YAML, JSON or CSV) and checks it: sections known, slugs unique, article
 * paths resolved inside the allowed folders. A mistake names the file and the field, or for CSV
 * the line and the column.
 */
import { dirname, extname, resolve } from 'node:path';
import { InputError } from './InputError.js';
import { formatPath, parseWithSchema } from './parseWithSchema.js';
import { csvField, readCsvRows } from './readCsvRows.js';
import { readDataFile, readTextFile } from './readDataFile.js';
import { type PathPolicy, resolveInsideRoots } from './resolveInsideRoots.js';
import { BudgetSchema, type BudgetStoryData, BudgetStorySchema } from './schema/budgetSchema.js';

export interface BudgetStory extends BudgetStoryData {
  articlePath: string;
  /** Where it is in the budget, for messages: "stories[3]" or "line 5". */
  field: string;
  /** Index into Budget.sections. */
  sectionIndex: number;
}

export interface Budget {
  file: string;
  dir: string;
  name: string;
  newspaper?: string;
  date?: string;
  template: string;
  plate: 2 | 4;
  sections: { name: string; prefix: string; pages?: number }[];
  stories: BudgetStory[];
}

/** Whether a file read as data is a budget (it has "stories", not "sections" of pages). */
export function looksLikeBudget(file: string, data?: unknown): boolean {
  if (/\.csv$/i.test(file)) return true;
  return !!data && typeof data === 'object' && 'stories' in data && !('pages' in data);
}

export function loadBudget(file: string, policy: PathPolicy = {}): Budget {
  const dir = dirname(resolve(file));
  const stories: (BudgetStoryData & { field: string })[] = [];
  let head: Omit<Budget, 'file' | 'dir' | 'stories' | 'sections'> & { sections?: Budget['sections'] };
  if (extname(file).toLowerCase() === '.csv') {
    for (const row of readCsvRows(readTextFile(file, 'budget'), file)) {
      const result = BudgetStorySchema.safeParse(row.fields);
      if (!result.success) {
        // The schema's own message, at the row's line and the column's name.
        try {
          parseWithSchema(BudgetStorySchema, row.fields, file);
        } catch (e) {
          if (e instanceof InputError) throw new InputError(file, csvField(row, e.field), e.reason);
          throw e;
        }
      }
      stories.push({ ...result.data!, field: csvField(row, '') });
    }
    head = { name: 'Late City', template: 'broadsheet', plate: 4 };
  } else {
    const data = parseWithSchema(BudgetSchema, readDataFile(file, 'budget'), file);
    for (const [i, s] of data.stories.entries()) stories.push({ ...s, field: formatPath(['stories', i]) });
    head = {
      name: data.name,
      ...(data.newspaper && { newspaper: data.newspaper }),
      ...(data.date && { date: data.date }),
      template: data.template,
      plate: data.plate,
      ...(data.sections && { sections: data.sections }),
    };
  }
  const sections = head.sections ?? sectionsInOrder(stories);
  const slugs = new Map<string, string>();
  const resolved = stories.map((s): BudgetStory => {
    const at = (key: string) => budgetField(s, key);
    const sectionIndex = sections.findIndex((x) => x.name === s.section);
    if (sectionIndex < 0)
      throw new InputError(
        file,
        at('section'),
        `no section is named "${s.section}" (sections: ${sections.map((x) => x.name).join(', ')})`,
      );
    const other = slugs.get(s.slug);
    if (other) throw new InputError(file, at('slug'), `slug "${s.slug}" is used twice (also ${other})`);
    slugs.set(s.slug, s.field);
    return {
      ...s,
      sectionIndex,
      articlePath: resolveInsideRoots(s.article, dir, { file, field: at('article') }, policy),
    };
  });
  const template = /[\\/]|\.(json|ya?ml)$/i.test(head.template)
    ? resolveInsideRoots(head.template, dir, { file, field: 'template' }, policy)
    : head.template;
  return { ...head, template, file, dir, sections, stories: resolved };
}

/** A field of a budget story as messages name it: "stories[3].article" or, from CSV, "line 5, article". */
export function budgetField(story: { field: string }, key: string): string {
  return story.field.startsWith('line') ? `${story.field}, ${key}` : `${story.field}.${key}`;
}

/** Sections in order of first appearance, prefixed A, B, C... */
function sectionsInOrder(stories: readonly { section: string }[]): Budget['sections'] {
  const names = [...new Set(stories.map((s) => s.section))];
  return names.map((name, i) => ({ name, prefix: String.fromCharCode(65 + (i % 26)) }));
}
