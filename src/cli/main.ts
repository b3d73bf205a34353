#!/usr/bin/env node
/**
 * galley's command line: render, preview, preflight, edition and schema (see runGalley.ts). Exit
 * codes: 0 ok, 1 a render failed (or preflight found a failure), 2 bad usage or input.
 *
 * This file only starts the process: from the bundle through V8's code cache when `npm run build`
 * has made one (loadBundle.ts: about a third of a second sooner), else from the ES modules. With
 * GALLEY_ROLE=edition-process (set by createProcessPool) the process is an edition's worker.
 */
import { loadBundle } from './loadBundle.js';

const role = process.env.GALLEY_ROLE === 'edition-process' ? 'edition-process' : 'cli';
delete process.env.GALLEY_ROLE;
const app = (await loadBundle(role, process.argv)) ?? (await import('./app.js'));
if (role === 'edition-process') app.serveParent();
else process.exitCode = await app.runCli(process.argv);
