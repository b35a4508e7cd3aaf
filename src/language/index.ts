/**
 * Language data, keyed by `stopword` list code. English has its own rules; every other
 * language gets neutral ones: no abbreviations, no stemming, and only the furniture rules
 * that need no words (punctuation, line layout, repeated lines, markup).
 */
import { ENGLISH } from './eng.js';
import type { FurniturePatterns, LanguageRules } from './types.js';

export type { ConflictWords, FurniturePatterns, LanguageRules } from './types.js';

/**
 * Characters other than `.`, `!` and `?` that end a sentence: the ideographic full stop and
 * full-width marks (Chinese, Japanese), the danda (Hindi and other Indic scripts), the
 * Arabic question mark and the Urdu full stop, the Ethiopic full stop. Any text may hold
 * them, so they split sentences whatever the language.
 */
export const OTHER_SENTENCE_ENDS = '。！？｡．।॥؟۔።';

/** Closing quotes and brackets that stay with the sentence they end («“…。」»). */
export const CLOSERS = '"\'”’»)]」』）】〕》〉';

/**
 * An object without a prototype: a field a language leaves out (a furniture pattern, `stem`)
 * reads as absent even when `Object.prototype` has been given a property of that name.
 */
const bare = <T extends object>(fields: T): T => Object.freeze(Object.assign(Object.create(null) as T, fields));

const NEUTRAL_FURNITURE: FurniturePatterns = bare({});

/** The rules for a language code; neutral rules for any code but English. */
export function languageRules(code: string): LanguageRules {
  return code === ENGLISH.code ? ENGLISH : bare({ code, abbreviations: [], furniture: NEUTRAL_FURNITURE });
}
