import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  answerChunk,
  type BatchChunk,
  type BatchChunkResult,
  type BatchSetup,
  batchChecker,
  overrunLine,
  packChunk,
  type WorkerMessage,
} from './batch';
import { saveCompiled } from './compile-cache';
import { type CliIo, EXIT, stdinLineBytes } from './io';

/**
 * `check --jsonl` (docs/contracts.md § Command line): exactly one output line per input line, in
 * order. Lines go in chunks; a batch of one chunk is checked on the main thread (it never pays for
 * starting workers), a larger one entirely by worker threads when the CLI runs from its build (a
 * worker must not transpile TypeScript), each compiling the library once while input is still
 * being read. Output stays in input order.
 */

const CHUNK = 250;
/** Progress appears on an interactive stderr once a batch has run this long. */
const PROGRESS_AFTER_MS = 2000;

/** The built worker beside the built CLI, or undefined when running from the TypeScript sources. */
function workerFile(): URL | undefined {
  const url = new URL('./batch-worker.mjs', import.meta.url);
  return import.meta.url.endsWith('.mjs') && existsSync(fileURLToPath(url)) ? url : undefined;
}

function bufferedWriter(io: CliIo) {
  let buffer = '';
  return {
    write(line: string) {
      buffer += line;
      if (buffer.length > 65_536) {
        io.stdout(buffer);
        buffer = '';
      }
    },
    flush() {
      if (buffer) io.stdout(buffer);
      buffer = '';
    },
  };
}

function progressLine(io: CliIo) {
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(lines: number) {
      if (!io.interactive) return;
      const now = Date.now();
      if (now - started < PROGRESS_AFTER_MS || now - last < 250) return;
      last = now;
      shown = true;
      const rate = Math.round(lines / ((now - started) / 1000));
      io.stderr(`\rcheck: ${lines.toLocaleString('en-US')} lines, ${rate.toLocaleString('en-US')} lines/s`);
    },
    done() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}

class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Chunks sent to each worker and not yet answered. */
  private readonly pending: number[] = [];
  private inFlight = 0;
  private waiting: Array<() => void> = [];
  private failure: Error | undefined;

  constructor(
    file: URL,
    count: number,
    setup: BatchSetup,
    onResult: (result: BatchChunkResult) => void,
    io: CliIo,
  ) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(file, { workerData: setup });
      this.pending.push(0);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'overrun') {
          io.stderr(overrunLine(message.overrun));
          return;
        }
        if (message.type === 'memo') {
          const warning = saveCompiled(setup.library, message.memo);
          if (warning) io.stderr(`check: warning: ${warning}\n`);
          return;
        }
        this.inFlight -= 1;
        this.pending[i]! -= 1;
        onResult(message.result);
        this.wake();
      });
      worker.on('error', (error) => {
        this.failure = error;
        this.wake();
      });
      this.workers.push(worker);
    }
  }

  private wake() {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /** Sends a chunk; waits while too many are in flight, so memory stays bounded on endless input. */
  async submit(chunk: BatchChunk) {
    while (this.inFlight >= this.workers.length * 4 && !this.failure) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.failure) throw this.failure;
    this.inFlight += 1;
    // To the worker with the fewest chunks waiting: on a shared machine one thread can get less
    // time than the other, and a fixed turn would leave the batch waiting for it.
    let next = 0;
    for (let w = 1; w < this.workers.length; w++) if (this.pending[w]! < this.pending[next]!) next = w;
    this.pending[next]! += 1;
    // The chunk's buffer moves to the worker instead of being copied.
    this.workers[next]!.postMessage(chunk, [chunk.bytes.buffer, chunk.ends.buffer]);
  }

  async drain() {
    while (this.inFlight > 0 && !this.failure)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failure) throw this.failure;
  }

  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Worker threads when `--workers` is not given: one per core (at most 8), or none when the machine
 * is already oversubscribed — a load average of at least the cores plus one (`load` is 0 where the
 * system has none). Then the threads do not get cores of their own, only the time the main thread
 * would have had, and each adds its own start (compiling, warming up its regexes) and contention:
 * 20,000 captions on a 2-core machine at load 3.0-3.7 took 21-22 s with two workers, 14-17 s
 * checked on the main thread.
 */
export function defaultWorkers(cores: number, load: number): number {
  return load >= cores + 1 ? 0 : Math.min(cores, 8);
}

export async function runBatch(setup: BatchSetup, io: CliIo, workers?: number): Promise<number> {
  const out = bufferedWriter(io);
  const progress = progressLine(io);
  let bad = false;
  let blocked = false;
  let written = 0;
  const pending = new Map<number, BatchChunkResult>();
  let nextSeq = 0;
  const firstLine: number[] = [];
  const emit = (result: BatchChunkResult) => {
    pending.set(result.seq, result);
    for (let ready = pending.get(nextSeq); ready; ready = pending.get(nextSeq)) {
      pending.delete(nextSeq);
      out.write(ready.out);
      for (const [index, error] of ready.errors) {
        bad = true;
        io.stderr(`check: line ${firstLine[nextSeq]! + index}: ${error}\n`);
      }
      if (ready.blocked) blocked = true;
      written += ready.out.length === 0 ? 0 : countLines(ready.out);
      nextSeq += 1;
      progress.update(written);
    }
  };

  // Compiled only when this thread checks lines itself: a large batch leaves that to the workers,
  // which compile in parallel while standard input is still being read.
  let local: ReturnType<typeof batchChecker> | undefined;
  const file = workerFile();
  const count = workers ?? defaultWorkers(availableParallelism(), loadavg()[0]!);
  let pool: WorkerPool | undefined;
  let seq = 0;
  let number = 0;
  let chunk: Uint8Array[] = [];
  /** Sends the chunk read so far; `more`: lines follow it. */
  const dispatch = async (more: boolean) => {
    const first = number - chunk.length + 1;
    firstLine[seq] = first;
    const packed = packChunk(seq, first, chunk);
    // A batch of one chunk is checked here: starting workers would cost more than it saves.
    if (!file || count < 2 || (seq === 0 && !more)) {
      if (!local) {
        local = batchChecker(setup, (overrun) => io.stderr(overrunLine(overrun)));
        const warning = saveCompiled(setup.library);
        if (warning) io.stderr(`check: warning: ${warning}\n`);
      }
      emit(answerChunk(local, packed));
    } else {
      pool ??= new WorkerPool(file, count, setup, emit, io);
      await pool.submit(packed);
    }
    seq += 1;
    chunk = [];
  };
  try {
    for await (const bytes of stdinLineBytes(io)) {
      // A full chunk is sent once the next line shows that more follow.
      if (chunk.length === CHUNK) await dispatch(true);
      number += 1;
      chunk.push(bytes);
    }
    if (chunk.length > 0) await dispatch(false);
    await pool?.drain();
  } finally {
    await pool?.close();
  }
  out.flush();
  progress.done();
  return bad ? EXIT.usage : blocked ? EXIT.findings : EXIT.ok;
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}
