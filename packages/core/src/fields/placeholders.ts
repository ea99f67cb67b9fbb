/** `{{ key }}` with optional whitespace inside the braces; the key is anything but braces. */
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** The placeholder keys in a text, in order of appearance, without repeats. Dotted keys stay whole. */
export function placeholderKeys(text: string): string[] {
  const keys: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const key = match[1]!.trim();
    if (key !== '' && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** True when the text is nothing but placeholders and whitespace (so it has no value of its own). */
export function isOnlyPlaceholders(text: string): boolean {
  return text.replace(PLACEHOLDER, '').trim() === '';
}
