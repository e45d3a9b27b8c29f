import { parentPort, workerData } from 'node:worker_threads';
import { memoSize } from '@/lib/guidelines/compile-memo';
import { answerChunk, type BatchChunk, type BatchSetup, batchChecker, type WorkerMessage } from './batch';

/** A `check --jsonl` worker thread: compiles the library once, then answers chunks of lines. */
const port = parentPort;
if (!port) throw new Error('batch-worker runs as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);
const setup = workerData as BatchSetup;
const check = batchChecker(setup, (overrun) => post({ type: 'overrun', overrun }));
// The analyses compiling added go back to the main thread, which keeps them for the next run.
const { memo, cache } = setup.library;
if (memo && cache && memoSize(memo) > cache.saved) post({ type: 'memo', memo });
port.on('message', (chunk: BatchChunk) => post({ type: 'result', result: answerChunk(check, chunk) }));
