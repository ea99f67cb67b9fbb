// Breaks text into lines that fit an element's width, measured with the font resvg will draw with.
import type { FontMetrics } from '../font-metrics.js';

export interface TextMeasure {
  metrics: FontMetrics;
  fontSize: number;
  letterSpacing: number;
}

export function measure(text: string, { metrics, fontSize, letterSpacing }: TextMeasure): number {
  let width = 0;
  let count = 0;
  for (const char of text) {
    width += metrics.advance(char.codePointAt(0)!) * fontSize;
    count += 1;
  }
  return width + letterSpacing * count;
}

export function transformText(text: string, transform: unknown): string {
  if (transform === 'uppercase') return text.toUpperCase();
  if (transform === 'lowercase') return text.toLowerCase();
  if (transform === 'capitalize')
    return text.replace(/(^|\s)(\S)/gu, (_m, space, c) => space + c.toUpperCase());
  return text;
}

function breakLongWord(word: string, maxWidth: number, m: TextMeasure): string[] {
  const pieces: string[] = [];
  let current = '';
  let width = 0;
  for (const char of word) {
    const charWidth = measure(char, m);
    if (current !== '' && width + charWidth > maxWidth) {
      pieces.push(current);
      current = char;
      width = charWidth;
    } else {
      current += char;
      width += charWidth;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * Greedy word wrap; `\n` always breaks; words wider than the box break between characters.
 * Widths add up (kerning is ignored), so each line is measured incrementally: linear in the text.
 */
export function wrapText(text: string, maxWidth: number, m: TextMeasure): string[] {
  const paragraphs = text.replace(/\r\n?/g, '\n').split('\n');
  if (!(maxWidth > 0)) return paragraphs;
  // A hair of slack: the shaper's kerning can make a line a little narrower than our sum.
  const limit = maxWidth + 0.5;
  const space = measure(' ', m);
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      const wordWidth = measure(word, m);
      const candidate = line === '' ? wordWidth : lineWidth + space + wordWidth;
      if (candidate <= limit) {
        line = line === '' ? word : `${line} ${word}`;
        lineWidth = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      if (wordWidth <= limit) {
        line = word;
        lineWidth = wordWidth;
      } else {
        const pieces = breakLongWord(word, limit, m);
        line = pieces.pop() ?? '';
        lineWidth = measure(line, m);
        lines.push(...pieces);
      }
    }
    lines.push(line);
  }
  return lines;
}
