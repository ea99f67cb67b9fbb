export { buildDynamicPayload } from './build-dynamic-payload.js';
export { describeFields } from './describe-fields.js';
export { humanizeKey } from './labels.js';
export type { DesignLike, DynamicPayload, FieldKind, FieldSpec } from './types.js';
