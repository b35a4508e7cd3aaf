/**
 * One file → one document, or the reason it is not one. Only a regular file is opened, and it
 * is checked again once open (it may have been swapped for a FIFO or a device in between);
 * no more than `maxFileSize` bytes are ever read. Text is UTF-8 (a byte order mark is
 * dropped) or UTF-16 with a byte order mark; HTML pages are reduced to their article text and
 * Markdown files to what a reader sees.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceDocument } from 'chorus-summary';
import { htmlToText } from './html.js';
import { markdownToText } from './markdown.js';
import { errorReason, kindOf } from './walk.js';

/** Why a file was not read: its code, what is wrong (following its name) and what to do. */
export interface Unread {
  code: 'INVALID_UTF8' | 'BINARY_FILE' | 'UNREADABLE_FILE';
  reason: string;
  fix?: string;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [need, min] = [1, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [need, min] = [2, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i; // cut off at the end
    let code = byte & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const sizeInWords = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes.toLocaleString('en-US')} bytes`);

/** The bytes of a regular file, at most `maxBytes` of them, or why not. */
async function readBytes(file: string, maxBytes: number): Promise<Uint8Array | Unread> {
  const unreadable = (reason: string, fix?: string): Unread => ({ code: 'UNREADABLE_FILE', reason, ...(fix ? { fix } : {}) });
  const onlyRegular = 'Only regular files are read; pipe a stream through standard input (-) instead.';
  let info = await stat(file).catch((error: unknown) => error as Error);
  if (info instanceof Error) return unreadable(`cannot be read (${errorReason(info)})`);
  if (!info.isFile()) return unreadable(`is ${kindOf(info)}, not a regular file`, onlyRegular);
  // O_NONBLOCK: were it swapped for a FIFO since, opening would otherwise wait for a writer.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => error as Error);
  if (handle instanceof Error) return unreadable(`cannot be read (${errorReason(handle)})`);
  try {
    info = await handle.stat();
    if (!info.isFile()) return unreadable(`is ${kindOf(info)}, not a regular file`, onlyRegular);
    const tooLarge = () => unreadable(`is larger than the ${sizeInWords(maxBytes)} a file may have`, 'Split it, or raise the limit (maxFileSize, chorus --max-file-size).');
    if (info.size > maxBytes) return tooLarge();
    // One byte more than allowed: a file that grew since stat() is caught too.
    const buffer = new Uint8Array(Math.min(maxBytes, info.size) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxBytes) return tooLarge();
        break;
      }
    }
    return buffer.subarray(0, length);
  } catch (error) {
    return unreadable(`cannot be read (${errorReason(error)})`);
  } finally {
    await handle.close();
  }
}

/** UTF-16 in the byte order its mark gives, or undefined when it is not valid UTF-16. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Text from bytes: UTF-16 when a byte order mark says so, else UTF-8; or why it is not text. */
export function decodeText(bytes: Uint8Array): string | Unread {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    const text = decodeUtf16(bytes, utf16);
    if (text === undefined) return { code: 'INVALID_UTF8', reason: `starts with a UTF-16 byte order mark but is not valid UTF-16`, fix: 'Convert it to UTF-8 first.' };
    if (text.includes('\u0000')) return { code: 'BINARY_FILE', reason: 'looks like a binary file (it holds NUL characters), not an article' };
    return text;
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    // Every other byte NUL: UTF-16 text that lost its byte order mark.
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
    const utf16Like = head.length >= 16 && Math.max(evenNul, oddNul) >= head.length / 4 && Math.min(evenNul, oddNul) === 0;
    return { code: 'BINARY_FILE', reason: 'looks like a binary file (it holds NUL bytes), not an article', ...(utf16Like ? { fix: 'If it is UTF-16 text, save it with a byte order mark or as UTF-8.' } : {}) };
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) return { code: 'INVALID_UTF8', reason: `is not valid UTF-8 (first bad byte at offset ${invalid})`, fix: 'Convert it to UTF-8 first.' };
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Read one file into a document with the given id, or say why not. */
export async function readArticle(file: string, id: string, maxBytes: number): Promise<SourceDocument | Unread> {
  const bytes = await readBytes(file, maxBytes);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const text = decodeText(bytes);
  if (typeof text !== 'string') return text;
  const extension = path.extname(file).toLowerCase();
  if (extension === '.html' || extension === '.htm' || /^\s*<(?:!doctype html|html[\s>])/i.test(text.slice(0, 512))) {
    const page = htmlToText(text);
    const document: SourceDocument = { id, text: page.text };
    if (page.title) document.title = page.title;
    if (page.url) document.url = page.url;
    return document;
  }
  return extension === '.md' || extension === '.markdown' ? { id, text: markdownToText(text) } : { id, text };
}
