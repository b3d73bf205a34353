/** Loads a template by name (templates/<name>.json) or by file path. */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFontCatalog, mergeCatalogs } from './fontCatalog.js';
import { InputError } from './InputError.js';
import { loadTemplateFonts } from './loadTemplateFonts.js';
import { parseWithSchema } from './parseWithSchema.js';
import { readDataFile } from './readDataFile.js';
import { resolveTemplate } from './resolveTemplate.js';
import { TemplateSchema } from './schema/templateSchema.js';
import type { Template } from './template.js';

export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

export function templateNames(): string[] {
  return readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** `nameOrFile` is a shipped template's name ("broadsheet") or a path to a template file. */
export function loadTemplate(nameOrFile: string, baseDir = process.cwd()): Template {
  const looksLikePath = /[\\/]|\.(json|ya?ml)$/i.test(nameOrFile);
  let file: string;
  if (looksLikePath) {
    file = resolve(baseDir, nameOrFile);
  } else {
    file = join(TEMPLATES_DIR, `${nameOrFile}.json`);
    if (!existsSync(file)) {
      throw new InputError(
        '',
        'template',
        `unknown template "${nameOrFile}" (shipped: ${templateNames().join(', ')}; or give a file path)`,
      );
    }
  }
  const shown = !looksLikePath
    ? `templates/${nameOrFile}.json`
    : isAbsolute(nameOrFile)
      ? relative(process.cwd(), nameOrFile) || nameOrFile
      : nameOrFile;
  const data = parseWithSchema(TemplateSchema, readDataFile(file, 'template', shown), shown);
  const catalog = data.fontCatalog
    ? mergeCatalogs(loadFontCatalog(), loadTemplateFonts(data.fontCatalog, file, shown))
    : loadFontCatalog();
  return resolveTemplate(data, shown, catalog);
}
