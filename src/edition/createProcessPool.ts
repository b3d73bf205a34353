/**
 * Pages set in worker *processes* (child_process.fork), one page at a time each. Worker threads
 * share one heap allocator and one process's GC and memory bandwidth: on this kind of machine two
 * threads set pages barely faster than one (docs/BENCHMARKS.md), while two processes scale as two
 * machines would. Each child opens the fonts once and reuses them for every page it gets; the
 * PDF is written by the child, only the report comes back (structured clone over IPC).
 *
 * A child that dies (killed, out of memory) fails its page with the reason and is replaced; an
 * aborted page kills its child. `close` disconnects the children, which then exit.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FromChild, ToChild } from './editionProcess.js';
import type { PageOutcome, PageTask } from './pageTask.js';

export interface ProcessPool {
  readonly jobs: number;
  /** `worker` (0 to jobs-1): the child that sets the page; any free one if not given. */
  run(task: PageTask, signal?: AbortSignal, worker?: number): Promise<PageOutcome>;
  /** Peak resident memory of the children together (kB): the sum of each child's peak. */
  childrenPeakRssKb(): number;
  close(): Promise<void>;
}

interface Pending {
  resolve: (o: PageOutcome) => void;
  reject: (e: unknown) => void;
}

interface Queued {
  id: number;
  task: PageTask;
  pending: Pending;
}

interface Slot {
  process: ChildProcess;
  busy?: { id: number; pending: Pending };
  /** Pages asked of this child in particular. */
  queue: Queued[];
  peakRssKb: number;
}

/** A child's young generation: larger than a worker thread's 16 MB (createPageRunner), for speed. */
const SEMI_SPACE_MB = 16;

/** `jobs` children, each with an old generation of `oldSpaceMb` (as bounded as a worker thread's). */
export function createProcessPool(jobs: number, oldSpaceMb: number): ProcessPool {
  // The built command line, in its worker role (main.ts): from src (tests) and from dist alike.
  const entryPath = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
  if (!existsSync(entryPath))
    throw new Error(`createProcessPool: ${entryPath} is missing: run \`npm run build\` first`);

  const anyone: Queued[] = [];
  let nextId = 1;
  let closed = false;
  let retiredPeakKb = 0;

  const start = (slot: Slot) => {
    const child = fork(entryPath, [], {
      env: { ...process.env, GALLEY_ROLE: 'edition-process' },
      serialization: 'advanced',
      execArgv: [`--max-old-space-size=${oldSpaceMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`],
      // The child's stdout goes to stderr: the parent's stdout may be --json.
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    slot.process = child;
    child.on('message', (m: FromChild) => {
      const busy = slot.busy;
      if (slot.process !== child || !busy || busy.id !== m.id) return;
      slot.busy = undefined;
      if ('outcome' in m) {
        slot.peakRssKb = Math.max(slot.peakRssKb, m.outcome.maxRssKb);
        busy.pending.resolve(m.outcome);
      } else busy.pending.reject(new Error(m.error));
      dispatch();
    });
    child.on('exit', (code, signal) => {
      if (slot.process !== child) return;
      retiredPeakKb += slot.peakRssKb;
      slot.peakRssKb = 0;
      const busy = slot.busy;
      slot.busy = undefined;
      busy?.pending.reject(
        new Error(`worker process ended (${signal ?? `exit code ${code}`}) while setting the page`),
      );
      if (!closed) {
        start(slot);
        dispatch();
      }
    });
  };
  const slots: Slot[] = Array.from({ length: jobs }, () => {
    const slot = { queue: [], peakRssKb: 0 } as unknown as Slot;
    start(slot);
    return slot;
  });

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.busy || !slot.process.connected) continue;
      const job = slot.queue.shift() ?? anyone.shift();
      if (!job) continue;
      slot.busy = { id: job.id, pending: job.pending };
      slot.process.send({ id: job.id, task: job.task } satisfies ToChild);
    }
  };

  return {
    jobs,
    run(task, signal, worker) {
      return new Promise<PageOutcome>((resolve, reject) => {
        signal?.throwIfAborted();
        const id = nextId++;
        const queue = worker === undefined ? anyone : slots[worker % jobs]!.queue;
        const onAbort = () => {
          const queued = queue.findIndex((q) => q.id === id);
          if (queued >= 0) queue.splice(queued, 1);
          const slot = slots.find((c) => c.busy?.id === id);
          if (slot) {
            slot.busy = undefined;
            slot.process.kill();
          }
          reject(signal!.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        const settle =
          <T>(f: (v: T) => void) =>
          (v: T) => {
            signal?.removeEventListener('abort', onAbort);
            f(v);
          };
        queue.push({ id, task, pending: { resolve: settle(resolve), reject: settle(reject) } });
        dispatch();
      });
    },
    childrenPeakRssKb: () => retiredPeakKb + slots.reduce((sum, c) => sum + c.peakRssKb, 0),
    async close() {
      closed = true;
      await Promise.all(
        slots.map(
          ({ process: child }) =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              if (child.connected) child.disconnect();
              else child.kill();
            }),
        ),
      ); // each child's 'exit' handler has retired its peak
    },
  };
}
