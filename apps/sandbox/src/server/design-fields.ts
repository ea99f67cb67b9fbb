// Template variables derived from a design's canvas (ARCHITECTURE seam 2): `{{key}}` placeholders in
// text/src/qrValue/barcodeValue, and isDynamic text/image elements named N without a placeholder.
import type { CanvasElement } from '../render/types.js';
import type { DesignRecord, TemplateVariable } from './model.js';

const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;
const BINDABLE = ['text', 'src', 'qrValue', 'barcodeValue'] as const;

export function templateVariables(design: DesignRecord): TemplateVariable[] {
  if (design.variables) return design.variables;
  const found = new Map<string, TemplateVariable>();
  for (const element of elementsOf(design)) {
    let hasPlaceholder = false;
    for (const prop of BINDABLE) {
      const value = element[prop];
      if (typeof value !== 'string') continue;
      for (const match of value.matchAll(PLACEHOLDER)) {
        hasPlaceholder = true;
        const name = match[1]!;
        if (!found.has(name)) {
          found.set(name, { name, type: prop === 'src' ? 'image' : 'text', default: '' });
        }
      }
    }
    if (!hasPlaceholder && element.isDynamic && typeof element.name === 'string') {
      if (element.type === 'text' || element.type === 'image') {
        const current = element.type === 'text' ? element.text : element.src;
        if (!found.has(element.name)) {
          found.set(element.name, {
            name: element.name,
            type: element.type === 'image' ? 'image' : 'text',
            default: typeof current === 'string' ? current : '',
          });
        }
      }
    }
  }
  return [...found.values()];
}

/** Every id and name a `dynamicElements` key may refer to. */
export function elementKeys(design: DesignRecord): Set<string> {
  const keys = new Set<string>();
  for (const element of elementsOf(design)) {
    if (typeof element.id === 'string') keys.add(element.id);
    if (typeof element.name === 'string') keys.add(element.name);
  }
  return keys;
}

/** The canvas's elements, skipping anything that is not an element object (stored data may be old). */
function elementsOf(design: DesignRecord): CanvasElement[] {
  const elements = design.canvasData?.elements;
  if (!Array.isArray(elements)) return [];
  return elements.filter(
    (e): e is CanvasElement => typeof e === 'object' && e !== null && !Array.isArray(e),
  );
}
