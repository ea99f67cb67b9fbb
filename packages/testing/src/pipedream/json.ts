/**
 * Pipedream stores `db` values, emitted events, rerun context and exports as JSON. Cloning through
 * JSON reproduces that: a component that relies on non-JSON values (functions, Dates, undefined)
 * sees the same loss here that it would see in production, and BigInt fails loudly.
 */
export function cloneJson<T>(value: T, what: string): T {
  if (value === undefined) return value;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new Error(`${what} must be JSON-serialisable: ${(error as Error).message}`);
  }
  return text === undefined ? (undefined as T) : (JSON.parse(text) as T);
}
