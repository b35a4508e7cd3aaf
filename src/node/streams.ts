/**
 * The CLI's output streams. Every message goes through `say()`: one line, made safe for a
 * terminal by `singleLine` (ids are file names and titles come from scraped pages, and either
 * may hold line breaks or escape sequences), and never longer than MAX_LINE characters. A
 * reader that goes away (`chorus … | head -c 10`) is not an error: writes stop quietly.
 */
import { singleLine } from '../render/safe.js';

export interface Streams {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/** Longest message line: a value that reached a message unshortened is cut in the middle. */
export const MAX_LINE = 1000;

/** Thrown by `writeTo` when the reader has gone. */
export class BrokenPipe extends Error {}

const guarded = new WeakSet<object>();
/** Without a listener, an EPIPE on a stream is an uncaught exception with a stack trace. */
function guard(stream: NodeJS.WritableStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

/** Write `text`; resolves once it is handed to the system, rejects with BrokenPipe when the reader has gone. */
export function writeTo(stream: NodeJS.WritableStream, text: string): Promise<void> {
  guard(stream);
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => {
      if (!error) resolve();
      else reject((error as NodeJS.ErrnoException).code === 'EPIPE' ? new BrokenPipe() : error);
    });
  });
}

/** A line for the terminal: safe, and cut in the middle when too long. */
export function messageLine(text: string): string {
  const line = singleLine(text);
  return line.length <= MAX_LINE ? line : `${line.slice(0, MAX_LINE - 300)} … ${line.slice(-250)}`;
}

/** `say(text)` writes "chorus: <text>" on standard error; `say.stack(error)` a stack trace, each line made safe. */
export function sayTo(stderr: NodeJS.WritableStream) {
  guard(stderr);
  const say = (text: string) => void stderr.write(`chorus: ${messageLine(text)}\n`);
  say.stack = (error: Error) => void stderr.write(`${(error.stack ?? error.message).split('\n').map(messageLine).join('\n')}\n`);
  return say;
}
