/** What kind of value a dynamic field takes; adapters pick their input widget from it. */
export type FieldKind = 'text' | 'image' | 'qr' | 'barcode' | 'color' | 'number' | 'boolean';

/** One input a design or template accepts at render time, platform-neutral. */
export interface FieldSpec {
  /** The key the user's value is sent under (placeholder key, element name or variable name). */
  key: string;
  /** A human label derived from the key ("product_name" → "Product name") or the variable's label. */
  label: string;
  kind: FieldKind;
  /**
   * True only for a template variable marked `required: true`. Not for a variable that merely has
   * no default: a normalised template cannot tell "declared without a default" from "only a name
   * was listed", and forcing every such field would block legitimate blanks. Placeholders and
   * `isDynamic` elements are never required: leaving them blank keeps the design's own value.
   */
  required: boolean;
  /**
   * What the design shows now, for display as a hint: the element's own text/src/value when it is
   * more than the bare placeholder, the shape's current fill, or a variable's default. Not a value
   * to send back: blank already keeps the design's value.
   */
  currentValue?: unknown;
  /** `dynamicData[key]`, or `dynamicElements[key].fill` for colours of dynamic shapes. */
  target: 'dynamicData' | 'dynamicElements';
  property?: 'fill';
  /** The id of the (first) element the field came from, when it has one. */
  elementId?: string;
  description?: string;
}

/**
 * The parts of a design or template this module reads. Structural on purpose: it accepts the
 * normalised `Design`/`Template` as well as raw API shapes.
 */
export interface DesignLike {
  canvasData?: { elements?: unknown[] } | string | null;
  /** Template variables: `{name, type, default?, required?, label?}` objects or plain names. */
  variables?: unknown;
  /** The SDKs' list of template field names. */
  dynamicFields?: unknown;
  isTemplate?: boolean;
}

export interface DynamicPayload {
  dynamicData: Record<string, unknown>;
  dynamicElements: Record<string, Record<string, unknown>>;
  /** Problems worth showing the user; nothing here stopped the payload being built. */
  warnings: string[];
}
