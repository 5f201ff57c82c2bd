// Turns catalogue names into the plain lower-case words a grammar and a spoken phrase share.

/** "Kobe Bar Stool" -> ["kobe", "bar", "stool"]: letters only, lower case (accents folded). */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter((w) => w.length > 0);
}

/** The words of a name joined by single spaces. */
export function phraseOf(text: string): string {
  return wordsOf(text).join(' ');
}
