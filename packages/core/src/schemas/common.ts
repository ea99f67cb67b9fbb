import * as v from 'valibot';
import { invalidResponse } from '../http/request.js';

/** An id the server may send as a string or a number. */
export const IdSchema = v.pipe(
  v.union([v.pipe(v.string(), v.minLength(1)), v.number()]),
  v.transform((value) => String(value)),
);

/** A number the server may send as a numeric string. */
export const NumberLikeSchema = v.union([
  v.pipe(v.number(), v.finite()),
  v.pipe(
    v.string(),
    v.regex(/^-?\d+(\.\d+)?$/),
    v.transform((value) => Number(value)),
  ),
]);

export const OptionalText = v.nullish(v.string());
export const OptionalNumber = v.nullish(NumberLikeSchema);
export const OptionalId = v.nullish(IdSchema);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Accepts the wrapped `{success, data}` envelope and the top-level shape alike. A body that carries
 * its own `id` is a record, not an envelope.
 */
export function unwrapEnvelope(body: unknown): unknown {
  if (isRecord(body) && 'data' in body && !('id' in body) && body['data'] !== null) {
    return body['data'];
  }
  return body;
}

/** Drops keys whose value is undefined or null, so normalised objects stay small and comparable. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined && value !== null) result[key] = value;
  }
  return result as T;
}

/** Parses with a schema; a mismatch is INVALID_RESPONSE naming what and where. */
export function parseOrThrow<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  what: string,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  throw invalidResponse(
    `the ${what} in the answer is not in a known shape${path ? ` at "${path}"` : ''}: ${issue.message}`,
    { what, path: path ?? undefined },
  );
}
