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
import { IntList } from './int-list.js';
import { Interner } from './interner.js';
import type { StringTable } from './model.js';

/** Characters an open block takes before its strings are joined into one (well under a millisecond). */
const BLOCK_CHARACTERS = 1 << 18;

/** What an open block holds: strings of ASCII characters, of Latin-1 ones (some above U+007F), or of any. */
const ASCII = 0;
const LATIN1 = 1;
const WIDE = 2;

/** The kind of block a string with these code units OR-ed together goes in. */
const kindOf = (bits: number): number => (bits <= 0x7f ? ASCII : bits <= 0xff ? LATIN1 : WIDE);

/** An ASCII block's characters as bytes, reused (grown on demand), and what copies them there and back into one string. */
let asciiBytes = new Uint8Array(BLOCK_CHARACTERS);
const asciiEncoder = new TextEncoder();
const asciiDecoder = new TextDecoder();

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
  /**
   * An open block of each kind. A joined string is two bytes a character when any of its
   * pieces is, whatever their characters: a key made from a page with curly quotes is, though
   * its letters are ASCII. Mixed in, one such key in a block of thousands doubled the block.
   */
  private readonly open: (OpenBlock | undefined)[] = [undefined, undefined, undefined];
  private block: Int32Array;
  /** Offset in the block; while the block is open, the index in its `strings`. */
  private start: Int32Array;
  private end: Int32Array;
  /** The hash each string was given with, when every one was. */
  private readonly hashes: IntList;

  /**
   * `capacity`: room for that many strings from the start. A caller that knows a bound gives
   * it: four arrays doubled together at a million strings held the event loop 40–60 ms.
   */
  constructor(capacity = 64) {
    const room = Math.max(64, capacity);
    [this.block, this.start, this.end] = [new Int32Array(room), new Int32Array(room), new Int32Array(room)];
    this.hashes = new IntList(room);
  }

  /**
   * Append `text`; `bits`: its code units OR-ed together, when known; `hash`: the hash
   * `DistinctStrings` gives it, to keep with it (given for all strings or none). Returns its id.
   */
  push(text: string, bits = unitsOf(text), hash?: number): number {
    if (hash !== undefined) this.hashes.push(hash);
    const id = this.size++;
    if (id === this.block.length) {
      this.block = grown(this.block);
      this.start = grown(this.start);
      this.end = grown(this.end);
    }
    const kind = kindOf(bits);
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
    for (const kind of [ASCII, LATIN1, WIDE]) this.close(kind);
    const { size } = this;
    const table: StringTable = { count: size, blocks: this.blocks.slice(), block: this.block.subarray(0, size), start: this.start.subarray(0, size), end: this.end.subarray(0, size) };
    // A view too: later hashes go past its end, or into a new array once this one is full.
    if (this.hashes.length === size) table.hash = this.hashes.view();
    return table;
  }

  private openOf(block: number): OpenBlock | undefined {
    const [ascii, latin1, wide] = this.open;
    return ascii?.index === block ? ascii : latin1?.index === block ? latin1 : wide?.index === block ? wide : undefined;
  }

  /**
   * Join an open block into one string; its strings' offsets become offsets in it. An ASCII
   * block is copied as bytes (UTF-8 of ASCII) and decoded, which makes it one byte a character
   * whatever its pieces were.
   */
  private close(kind: number): void {
    const open = this.open[kind];
    if (open === undefined) return;
    if (kind === ASCII && asciiBytes.length < open.characters) asciiBytes = new Uint8Array(2 * open.characters);
    let at = 0;
    for (let k = 0; k < open.ids.length; k++) {
      const id = open.ids[k]!;
      const text = open.strings[k]!;
      this.start[id] = at;
      if (kind === ASCII) asciiEncoder.encodeInto(text, asciiBytes.subarray(at));
      this.end[id] = at += text.length;
    }
    this.blocks[open.index] = kind === ASCII ? asciiDecoder.decode(asciiBytes.subarray(0, at)) : open.strings.join('');
    this.open[kind] = undefined;
  }
}

/** The code units of `text` OR-ed together (what kind of block it goes in). */
function unitsOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= text.charCodeAt(i);
  return bits;
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

  /** `most`: at most how many distinct strings will come, when known (room is made for them at once). */
  constructor(most = 0) {
    this.list = new StringList(most);
    this.index = new Interner((id) => this.list.holds(id, this.probe), 1024, Math.max(64, most));
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
    return this.idOfHashed(text, h >>> 0, bits);
  }

  /**
   * The id of `text` whose hash is known: `hash` as a table of another `DistinctStrings` gives
   * it (the parallel join merges the parts' keys without reading each again to hash it).
   */
  idOfHashed(text: string, hash: number, bits?: number): number {
    this.probe = text;
    const id = this.index.classOf(this.list.size, hash);
    this.probe = '';
    if (id === this.list.size) this.list.push(text, bits, hash);
    return id;
  }

  /** String `id`. */
  at(id: number): string {
    return this.list.at(id);
  }

  /** The strings so far as a `StringTable` (see `StringList.table`), with their hashes. */
  table(): StringTable {
    return this.list.table();
  }
}
