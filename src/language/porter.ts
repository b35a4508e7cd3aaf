/**
 * Suffix rules of steps 2 to 4, keyed by the letter before the suffix. Maps, not object
 * literals: a letter looked up in an object would find a polluted `Object.prototype.n`.
 */
const STEP2 = new Map<string, [string, string][]>(Object.entries({
  a: [['ational', 'ate'], ['tional', 'tion']],
  c: [['enci', 'ence'], ['anci', 'ance']],
  e: [['izer', 'ize']],
  l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
  o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
  s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
  t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
  g: [['logi', 'log']],
}));
const STEP3 = new Map<string, [string, string][]>(Object.entries({
  e: [['icate', 'ic'], ['ative', ''], ['alize', 'al']],
  i: [['iciti', 'ic']],
  l: [['ical', 'ic'], ['ful', '']],
  s: [['ness', '']],
}));
const STEP4 = new Map<string, string[]>(Object.entries({
  a: ['al'],
  c: ['ance', 'ence'],
  e: ['er'],
  i: ['ic'],
  l: ['able', 'ible'],
  n: ['ant', 'ement', 'ment', 'ent'],
  o: ['ion', 'ou'],
  s: ['ism'],
  t: ['ate', 'iti'],
  u: ['ous'],
  v: ['ive'],
  z: ['ize'],
}));

/**
 * The Porter stemmer (M. F. Porter, 1980), as in his reference C implementation (with its
 * `bli`→`ble` and `logi`→`log` departures from the paper). Used for English similarity:
 * "meeting", "meets" and "meet" are one term. Expects a lower-case ASCII word; anything
 * else comes back unchanged. (The quality benchmark's ROUGE scorer has its own variant:
 * ROUGE-1.5.5 changes one rule.)
 */
export function porterStem(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  const b = word.split('');
  let k = b.length - 1;
  let j = 0;

  const cons = (i: number): boolean => {
    const c = b[i];
    if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
    if (c === 'y') return i === 0 ? true : !cons(i - 1);
    return true;
  };
  /** Number of consonant-vowel sequences in b[0..j]. */
  const m = (): number => {
    let n = 0;
    let i = 0;
    for (;;) {
      if (i > j) return n;
      if (!cons(i)) break;
      i++;
    }
    i++;
    for (;;) {
      for (;;) {
        if (i > j) return n;
        if (cons(i)) break;
        i++;
      }
      i++;
      n++;
      for (;;) {
        if (i > j) return n;
        if (!cons(i)) break;
        i++;
      }
      i++;
    }
  };
  const vowelInStem = (): boolean => {
    for (let i = 0; i <= j; i++) if (!cons(i)) return true;
    return false;
  };
  const doubleC = (i: number): boolean => i >= 1 && b[i] === b[i - 1] && cons(i);
  const cvc = (i: number): boolean => {
    if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
    const c = b[i];
    return c !== 'w' && c !== 'x' && c !== 'y';
  };
  const ends = (suffix: string): boolean => {
    const length = suffix.length;
    if (length > k + 1) return false;
    for (let i = 0; i < length; i++) if (b[k - length + 1 + i] !== suffix[i]) return false;
    j = k - length;
    return true;
  };
  const setTo = (replacement: string): void => {
    for (let i = 0; i < replacement.length; i++) b[j + 1 + i] = replacement[i]!;
    k = j + replacement.length;
  };
  const replaceIfM = (replacement: string): void => {
    if (m() > 0) setTo(replacement);
  };

  // Step 1ab: plurals and -ed, -ing.
  if (b[k] === 's') {
    if (ends('sses')) k -= 2;
    else if (ends('ies')) setTo('i');
    else if (b[k - 1] !== 's') k--;
  }
  if (ends('eed')) {
    if (m() > 0) k--;
  } else if ((ends('ed') || ends('ing')) && vowelInStem()) {
    k = j;
    if (ends('at')) setTo('ate');
    else if (ends('bl')) setTo('ble');
    else if (ends('iz')) setTo('ize');
    else if (doubleC(k)) {
      k--;
      const c = b[k];
      if (c === 'l' || c === 's' || c === 'z') k++;
    } else {
      j = k;
      if (m() === 1 && cvc(k)) setTo('e');
    }
  }
  // Step 1c: y → i when there is another vowel in the stem.
  if (ends('y') && vowelInStem()) b[k] = 'i';

  // Step 2: double suffixes to single ones.
  if (k > 0) {
    for (const [suffix, replacement] of STEP2.get(b[k - 1]!) ?? []) {
      if (ends(suffix)) {
        replaceIfM(replacement);
        break;
      }
    }
  }

  // Step 3: -ic-, -full, -ness etc.
  for (const [suffix, replacement] of STEP3.get(b[k]!) ?? []) {
    if (ends(suffix)) {
      replaceIfM(replacement);
      break;
    }
  }

  // Step 4: -ant, -ence etc. in context <c>vcvc<v>.
  if (k > 0) {
    let matched = false;
    for (const suffix of STEP4.get(b[k - 1]!) ?? []) {
      if (!ends(suffix)) continue;
      if (suffix === 'ion' && !(j >= 0 && (b[j] === 's' || b[j] === 't'))) continue;
      matched = true;
      break;
    }
    if (matched && m() > 1) k = j;
  }

  // Step 5: final -e and -ll.
  j = k;
  if (b[k] === 'e') {
    const a = m();
    if (a > 1 || (a === 1 && !cvc(k - 1))) k--;
  }
  if (b[k] === 'l' && doubleC(k) && m() > 1) k--;

  return b.slice(0, k + 1).join('');
}
