/**
 * A worker thread of `threadPool()` (threads.ts): runs one part of a large run per message with
 * the core's `runPart` (a part of the documents to read, or a batch of a digest's stories), and
 * posts the result back with its typed arrays' buffers moved, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { runPart, type PartRequest } from 'chorus-summary';

/** Every ArrayBuffer under a value (typed arrays inside plain objects), each once. */
function buffersOf(value: unknown, found: Set<ArrayBuffer>): Set<ArrayBuffer> {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const field of Object.values(value)) buffersOf(field, found);
  }
  return found;
}

parentPort?.on('message', (request: PartRequest) => {
  let result;
  try {
    result = runPart(request);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
    return;
  }
  parentPort!.postMessage({ result }, [...buffersOf(result, new Set())]);
});
