/**
 * What a worker process does (createProcessPool; main.ts starts it): the same page work as a worker thread
 * (editionWorker.ts: one Workspace per process, fonts opened once), over the parent's IPC channel.
 * Every message is one page; the answer carries the task's id. The process ends when the parent
 * disconnects.
 */
import renderPageInWorker from './editionWorker.js';
import type { PageOutcome, PageTask } from './pageTask.js';

export type ToChild = { id: number; task: PageTask };
export type FromChild = { id: number; outcome: PageOutcome } | { id: number; error: string };

/** Serves the parent's page tasks until it disconnects (main.ts, GALLEY_ROLE=edition-process). */
export function serveParent(): void {
  process.on('message', (message: ToChild) => {
    renderPageInWorker(message.task).then(
      (outcome) => process.send?.({ id: message.id, outcome } satisfies FromChild),
      (e: unknown) =>
        process.send?.({
          id: message.id,
          error: e instanceof Error ? e.message : String(e),
        } satisfies FromChild),
    );
  });
  process.on('disconnect', () => process.exit(0));
  // Ctrl-C reaches the whole process group: the parent stops the run and ends its children itself.
  process.on('SIGINT', () => {});
}
