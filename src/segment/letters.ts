/**
 * The letters of a sentence, for the furniture rules: the share of letters (markup, numbers and
 * binary garbage have few) and of capitals (shouted headings), and whether the noise pattern
 * can match at all.
 */
import { CharacterClass, characterClass } from '../text.js';

/**
 * Per ASCII code: 1 visible, 2 a letter, 4 upper case, summed (a space is 0, "a" 3, "A" 7); 8
 * for what `NOISE` can start with ("<" and controls).
 */
const ASCII_PROFILE = new Uint8Array(128);
for (let code = 33; code < 128; code++) ASCII_PROFILE[code] = 1;
for (let code = 97; code <= 122; code++) ASCII_PROFILE[code] = 3;
for (let code = 65; code <= 90; code++) ASCII_PROFILE[code] = 7;
// Controls are visible (noise counts against the letter share); whitespace is not.
for (let code = 0; code < 32; code++) ASCII_PROFILE[code] = code >= 9 && code <= 13 ? 0 : 1 | 8;
ASCII_PROFILE[60] = 1 | 8;
/** Markup or control characters in a sentence: noise. */
export const NOISE = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?>|[\u0000-\u0008\u000e-\u001f\ufffd]/i;

/**
 * Letters among visible characters, and upper-case among letters, in one pass over char
 * codes (ASCII by a table and without a branch: this runs on every sentence, and a branch per
 * letter or not mispredicted often). Markup, numbers and binary garbage have a low letter
 * share; shouted headings a high upper-case share. `mayBeNoise`: the text holds what `NOISE`
 * starts with ("<", a control character, U+FFFD), so the pattern needs to run only then.
 */
export function letterProfile(text: string): { letterShare: number; upperShare: number; mayBeNoise: boolean } {
  let letters = 0;
  let upper = 0;
  let visible = 0;
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      const profile = ASCII_PROFILE[code]!;
      visible += profile & 1;
      letters += (profile >> 1) & 1;
      upper += (profile >> 2) & 1;
      marks |= profile;
      continue;
    }
    if (code === 0xfffd) marks |= 8;
    const known = characterClass(text, i);
    if (known === CharacterClass.NOT_COUNTED) continue;
    visible++;
    if (known >= CharacterClass.LETTER) letters++;
    if (known === CharacterClass.UPPER) upper++;
  }
  return { letterShare: visible === 0 ? 0 : letters / visible, upperShare: letters === 0 ? 0 : upper / letters, mayBeNoise: (marks & 8) !== 0 };
}
