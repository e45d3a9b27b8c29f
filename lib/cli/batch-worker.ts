import { parentPort, workerData } from 'node:worker_threads';
import { answerChunk, type BatchChunk, type BatchSetup, batchChecker, type WorkerMessage } from './batch';

/** A `check --jsonl` worker thread: compiles the library once, then answers chunks of lines. */
const port = parentPort;
if (!port) throw new Error('batch-worker runs as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);
const check = batchChecker(workerData as BatchSetup, (overrun) => post({ type: 'overrun', overrun }));
port.on('message', (chunk: BatchChunk) => post({ type: 'result', result: answerChunk(check, chunk) }));
