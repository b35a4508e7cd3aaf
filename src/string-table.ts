/**
 * Many short strings (a run's comparison keys, its stems) without a string object each: the
 * layout `StringTable` (model.ts), `StringList`, which appends strings to one, and
 * `DistinctStrings`, which gives each distinct string a dense id in order of first appearance
 * (as a `Map<string, number>` would) while keeping them in one.
 *
 * A full garbage collection marks every live string and map entry, in one pause when
 * collections follow each other too closely to mark incrementally: a 50 MB file of template
 * sentences kept 1.6 million keys and stems alive, and each collection held the event loop for
 * 40–90 ms. A block of thousands of strings is one object, and a slice of it lives only as long
 * as its reader needs it.
 */
import { Interner } from './interner.js';
import type { StringTable } from './model.js';

/** Characters an open block takes before its strings are joined into one (about 1 ms to join). */
const BLOCK_CHARACTERS = 1 << 18;

/** String `id` of `table`: a slice of its block (V8 copies none for 13 characters or more). */
export function stringAt(table: StringTable, id: number): string {
  return table.blocks[table.block[id]!]!.slice(table.start[id]!, table.end[id]!);
}

/** The length of string `id` of `table`. */
export function lengthAt(table: StringTable, id: number): number {
  return table.end[id]! - table.start[id]!;
}

/** The strings of a block not yet joined, and their ids. */
interface OpenBlock {
  /** Where the block goes in `blocks`. */
  index: number;
  strings: string[];
  ids: number[];
  characters: number;
}

/** Strings appended one by one, read back by id, and laid out as a `StringTable`. */
export class StringList {
  /** Strings so far: the next one's id. */
  size = 0;
  private readonly blocks: string[] = [];
  private block: Int32Array;
  /** Offset in the block; while the block is open, the index in its `strings`. */
  private start: Int32Array;
  private end: Int32Array;
  /**
   * Open blocks of one-byte (Latin-1) strings and of the others: a block is two bytes a
   * character when any of its strings is, and a feed's keys are mostly one-byte.
   */
  private readonly open: (OpenBlock | undefined)[] = [undefined, undefined];

  /** `expected`: how many strings to make room for at once (more are taken, in arrays grown by doubling). */
  constructor(expected = 64) {
    this.block = new Int32Array(Math.max(4, expected));
    this.start = new Int32Array(this.block.length);
    this.end = new Int32Array(this.block.length);
  }

  /** Append `text`; `wide` when it holds a character above U+00FF. Returns its id. */
  push(text: string, wide = isWide(text)): number {
    const id = this.size++;
    if (id === this.block.length) {
      this.block = grown(this.block);
      this.start = grown(this.start);
      this.end = grown(this.end);
    }
    const kind = wide ? 1 : 0;
    const open = (this.open[kind] ??= { index: this.blocks.push('') - 1, strings: [], ids: [], characters: 0 });
    this.block[id] = open.index;
    this.start[id] = open.strings.length;
    open.strings.push(text);
    open.ids.push(id);
    if ((open.characters += text.length) >= BLOCK_CHARACTERS) this.close(kind);
    return id;
  }

  /** String `id`. */
  at(id: number): string {
    const open = this.openOf(this.block[id]!);
    return open !== undefined ? open.strings[this.start[id]!]! : this.blocks[this.block[id]!]!.slice(this.start[id]!, this.end[id]!);
  }

  /** Whether string `id` is `text`, read in place. */
  holds(id: number, text: string): boolean {
    const open = this.openOf(this.block[id]!);
    if (open !== undefined) return open.strings[this.start[id]!] === text;
    const from = this.start[id]!;
    return this.end[id]! - from === text.length && this.blocks[this.block[id]!]!.startsWith(text, from);
  }

  /**
   * The strings so far as a `StringTable` (open blocks joined; the list may grow after, which
   * the table never sees: its arrays are views of the first `size` entries).
   */
  table(): StringTable {
    this.close(0);
    this.close(1);
    const { size } = this;
    return { count: size, blocks: this.blocks.slice(), block: this.block.subarray(0, size), start: this.start.subarray(0, size), end: this.end.subarray(0, size) };
  }

  private openOf(block: number): OpenBlock | undefined {
    const [narrow, wide] = this.open;
    return narrow?.index === block ? narrow : wide?.index === block ? wide : undefined;
  }

  /** Join an open block into one string; its strings' offsets become offsets in it. */
  private close(kind: number): void {
    const open = this.open[kind];
    if (open === undefined) return;
    let at = 0;
    for (let k = 0; k < open.ids.length; k++) {
      const id = open.ids[k]!;
      this.start[id] = at;
      this.end[id] = at += open.strings[k]!.length;
    }
    this.blocks[open.index] = open.strings.join('');
    this.open[kind] = undefined;
  }
}

/** Whether `text` holds a character above U+00FF. */
function isWide(text: string): boolean {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= text.charCodeAt(i);
  return bits > 0xff;
}

function grown(array: Int32Array): Int32Array {
  const larger = new Int32Array(2 * array.length);
  larger.set(array);
  return larger;
}

/** Dense ids of distinct strings in order of first appearance, the strings kept in a `StringList`. */
export class DistinctStrings {
  private readonly list: StringList;
  /** The string being looked up, for the interner's comparisons. */
  private probe = '';
  private readonly index: Interner;

  /**
   * `expected`: how many distinct strings to make room for at once. Tables grown by doubling
   * allocate about as much again, and all in bursts (every table of the interner fills at
   * the same time): tens of megabytes of new buffers at once set off a full collection there and
   * then, without incremental marking.
   */
  constructor(expected = 64) {
    this.list = new StringList(expected);
    this.index = new Interner((id) => this.list.holds(id, this.probe), expected);
  }

  /** Distinct strings so far: the next new one's id. */
  get size(): number {
    return this.list.size;
  }

  /** The id of `text`; a string not seen before gets `size`. */
  idOf(text: string): number {
    // FNV-1a over every code unit (keys of a template differ only in their middle), mixed so
    // that the top byte, which picks the interner's table, depends on all of them.
    let h = 0x811c9dc5;
    let bits = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      bits |= code;
      h = Math.imul(h ^ code, 0x01000193);
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h ^= h >>> 13;
    this.probe = text;
    const id = this.index.classOf(this.list.size, h >>> 0);
    this.probe = '';
    if (id === this.list.size) this.list.push(text, bits > 0xff);
    return id;
  }

  /** String `id`. */
  at(id: number): string {
    return this.list.at(id);
  }

  /** The strings so far as a `StringTable` (see `StringList.table`). */
  table(): StringTable {
    return this.list.table();
  }
}
