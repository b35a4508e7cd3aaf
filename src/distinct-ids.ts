/**
 * Dense ids for distinct strings (dedupe's keys, analyse's stems), in order of first
 * appearance, kept in 256 maps chosen by a hash of the whole string. One map of a million keys
 * rehashed them all at once when it grew, a single pause of 80 ms (a 50 MB file of template
 * sentences); a shard rehashes a 256th of them.
 */
const SHARDS = 256;

export class DistinctIds {
  // Made when first used: a digest summarises thousands of one-sentence stories, and 256 maps
  // for each took a fifth of its time.
  private readonly shards: (Map<string, number> | undefined)[] = new Array(SHARDS);
  /** Distinct keys so far: the next new key's id. */
  size = 0;

  /** The id of `key`; a key not seen before gets `size`. */
  idOf(key: string): number {
    // FNV-1a over every code unit: keys that differ only in their middle (a number in a
    // template) must still spread over the shards.
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    const at = (h ^ (h >>> 16)) & (SHARDS - 1);
    const shard = (this.shards[at] ??= new Map<string, number>());
    let id = shard.get(key);
    if (id === undefined) {
      id = this.size++;
      shard.set(key, id);
    }
    return id;
  }
}
