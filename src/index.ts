/**
 * galley as a library: the same pipeline the CLI runs.
 *
 *   const ws = createWorkspace();
 *   const edition = loadEdition('edition.json');
 *   const { document, pages } = await composeEdition(ws, edition);
 *   const pdf = await renderPdf(document, { fontFiles: ws.fontFiles });
 */
export { toDisplayPage } from './display/toDisplayPage.js';
export { toTrace } from './display/toTrace.js';
export type { DisplayDocument, DisplayItem, DisplayPage } from './display/types.js';
export { composeEdition } from './edition/composeEdition.js';
export { type ComposedPage, composePage } from './edition/composePage.js';
export { createWorkspace, type Workspace, type WorkspaceOptions } from './edition/createWorkspace.js';
export type { Edition, EditionPage } from './edition/Edition.js';
export { editionForArticle } from './edition/editionForArticle.js';
export { loadEdition } from './edition/loadEdition.js';
export { loadInput } from './edition/loadInput.js';
export { layoutPage } from './layout/layoutPage.js';
export { layoutStory } from './layout/layoutStory.js';
export type { PageLayout, PageReport, StoryReport } from './layout/types.js';
export type { Article } from './model/article.js';
export { InputError } from './model/InputError.js';
export { loadArticle } from './model/loadArticle.js';
export { loadTemplate } from './model/loadTemplate.js';
export type { Template } from './model/template.js';
export { toJsonSchema } from './model/toJsonSchemas.js';
export { formatPreflight, preflightPdf } from './preflight/index.js';
export { renderPdf, writeFileAtomic } from './render/pdf/index.js';
export { renderContactSheet, renderPreviewPng } from './render/preview/index.js';
export { greedyEngines, totalFitEngines } from './text/engines.js';
