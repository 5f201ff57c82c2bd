// Pronunciations for catalogue words the recogniser's US English dictionary lacks: a small shipped list, then spelling rules.

/** Words of the shipped catalogue that are not in the en-us dictionary, in the model's ARPAbet phones. */
export const EXTRA_WORDS: Readonly<Record<string, readonly string[]>> = {
  sideboard: ['S AY D B AO R D'],
  tove: ['T OW V', 'T OW V AH'],
};

/** Further pronunciations of command words the dictionary knows only in a US accent (British "cart" has no R). */
export const ACCENT_WORDS: Readonly<Record<string, readonly string[]>> = {
  cart: ['K AA T'],
};

// Letter groups to phones, longest first; a rough English reading that gives a new name a fair chance.
const RULES: ReadonlyArray<readonly [string, string]> = [
  ['tch', 'CH'], ['sch', 'SH'], ['igh', 'AY'], ['ch', 'CH'], ['sh', 'SH'], ['th', 'TH'], ['ph', 'F'], ['ck', 'K'], ['ng', 'NG'],
  ['qu', 'K W'], ['wh', 'W'], ['kn', 'N'], ['ee', 'IY'], ['ea', 'IY'], ['oo', 'UW'], ['ou', 'AW'], ['ow', 'OW'], ['oa', 'OW'],
  ['ai', 'EY'], ['ay', 'EY'], ['ei', 'EY'], ['ie', 'IY'], ['au', 'AO'], ['aw', 'AO'], ['oi', 'OY'], ['oy', 'OY'], ['ue', 'UW'],
  ['a', 'AE'], ['b', 'B'], ['c', 'K'], ['d', 'D'], ['e', 'EH'], ['f', 'F'], ['g', 'G'], ['h', 'HH'], ['i', 'IH'], ['j', 'JH'],
  ['k', 'K'], ['l', 'L'], ['m', 'M'], ['n', 'N'], ['o', 'AA'], ['p', 'P'], ['q', 'K'], ['r', 'R'], ['s', 'S'], ['t', 'T'],
  ['u', 'AH'], ['v', 'V'], ['w', 'W'], ['x', 'K S'], ['y', 'IY'], ['z', 'Z'],
];

/**
 * A pronunciation for a lower-case word by spelling rules (used only for words neither dictionary knows).
 * A final silent `e` is dropped; doubled letters are read once.
 */
export function spellOut(word: string): string {
  const w = word.replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1').replace(/(?<=[^aeiou])e$/, '');
  const phones: string[] = [];
  let i = 0;
  while (i < w.length) {
    const rule = RULES.find(([g]) => w.startsWith(g, i));
    if (!rule) {
      i++;
      continue;
    }
    phones.push(rule[1]);
    i += rule[0].length;
  }
  return phones.join(' ') || 'AH';
}
