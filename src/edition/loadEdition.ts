/**
 * Loads an edition manifest (JSON or YAML): validated, pages labelled (section prefix + running
 * number unless the plan names the label), paths resolved against the manifest's folder, labels
 * unique and every jump pointing at a page that exists.
 */
import { dirname, resolve } from 'node:path';
import { InputError } from '../model/InputError.js';
import { parseWithSchema } from '../model/parseWithSchema.js';
import { readDataFile } from '../model/readDataFile.js';
import { type PathPolicy, resolveInsideRoots } from '../model/resolveInsideRoots.js';
import { type EditionData, EditionSchema } from '../model/schema/editionSchema.js';
import type { Edition, EditionPage } from './Edition.js';

/** An edition of more pages than this is refused: no newspaper prints that many at once. */
export const MAX_PAGES = 400;

/**
 * Paths in the manifest (stories, ad artwork, template files) must resolve inside the manifest's
 * folder, the current folder or a folder of `policy.allowRoots` (see resolveInsideRoots.ts).
 */
export function loadEdition(file: string, policy: PathPolicy = {}): Edition {
  return toEdition(
    parseWithSchema(EditionSchema, readDataFile(file, 'edition'), file),
    file,
    undefined,
    policy,
  );
}

export function toEdition(
  data: EditionData,
  file: string,
  dir = dirname(resolve(file)),
  policy: PathPolicy = {},
): Edition {
  const inside = (path: string, field: string) => resolveInsideRoots(path, dir, { file, field }, policy);
  // A template given as a file is resolved here, against the manifest, so every command and worker
  // reads the same file whatever its current folder.
  const template = (nameOrFile: string, field: string) =>
    /[\\/]|\.(json|ya?ml)$/i.test(nameOrFile) ? inside(nameOrFile, field) : nameOrFile;
  const defaultTemplate = template(data.template, 'template');
  const pages: EditionPage[] = [];
  data.sections.forEach((section, s) => {
    section.pages.forEach((plan, p) => {
      const index = pages.length;
      const field = `sections[${s}].pages[${p}]`;
      pages.push({
        index,
        label: plan.label ?? `${section.prefix}${p + 1}`,
        section: section.name,
        template:
          plan.template !== undefined ? template(plan.template, `${field}.template`) : defaultTemplate,
        front: plan.front,
        houseAds: plan.houseAds,
        field,
        stories: plan.stories.map((story, i) => ({
          ...story,
          articlePath: inside(story.article, `${field}.stories[${i}].article`),
        })),
        ads: plan.ads.map((ad, i) => ({
          ...ad,
          ...(ad.file && { artworkPath: inside(ad.file, `${field}.ads[${i}].file`) }),
        })),
      });
    });
  });
  if (pages.length > MAX_PAGES)
    throw new InputError(
      file,
      'sections',
      `${pages.length} pages; at most ${MAX_PAGES} are set in one edition`,
    );
  const labels = new Map<string, EditionPage>();
  for (const page of pages) {
    const other = labels.get(page.label);
    if (other)
      throw new InputError(
        file,
        `${page.field}.label`,
        `page label "${page.label}" is used twice (also ${other.field})`,
      );
    labels.set(page.label, page);
  }
  for (const page of pages) {
    page.stories.forEach((story, i) => {
      for (const key of ['continuesOn', 'continuedFrom'] as const) {
        const target = story[key];
        if (target !== undefined && !labels.has(target)) {
          throw new InputError(
            file,
            `${page.field}.stories[${i}].${key}`,
            `no page is labelled "${target}" (pages: ${[...labels.keys()].join(', ')})`,
          );
        }
      }
    });
  }
  return {
    file,
    dir,
    name: data.name,
    ...(data.newspaper && { newspaper: data.newspaper }),
    date: data.date,
    pages,
    ...(policy.allowRoots?.length && { allowRoots: [...policy.allowRoots] }),
  };
}
