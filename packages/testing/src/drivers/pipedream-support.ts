// What the Pipedream driver reads back out of the emulated runtime: the platform's errors, a
// step's return value, the prop form's dynamic fields, and everything shown along the way.
import { readFile } from 'node:fs/promises';
import { format } from 'node:util';
import type { FieldKind } from '@canvelete/core';
import type { ActionHandle, ActionResult, LogLine } from '../pipedream/index.ts';
import { type DriverErrorView, DriverFailure, type DriverField, type DriverFile } from './types.ts';

/**
 * The Pipedream error a user sees: the components throw `ConfigurationError` (props / account)
 * or a plain `Error`, both with `code` attached and "[CODE, HTTP 401, request id …]" at the end
 * of the message. The status is read from the error, else from that suffix (ConfigurationError
 * carries it only in its text).
 */
export function errorView(error: unknown, raw: unknown = error): DriverErrorView {
  if (!(error instanceof Error)) {
    return { kind: 'Error', message: String(error), raw };
  }
  const carried = error as Error & { code?: unknown; status?: unknown };
  const fromText = /\bHTTP (\d{3})\b/.exec(error.message)?.[1];
  const status = typeof carried.status === 'number' ? carried.status : Number(fromText);
  return {
    kind: error.name || error.constructor.name,
    message: error.message,
    ...(typeof carried.code === 'string' ? { code: carried.code } : {}),
    ...(Number.isFinite(status) && status > 0 ? { httpStatus: status } : {}),
    raw,
  };
}

export function failure(error: unknown, raw?: unknown): DriverFailure {
  return new DriverFailure(errorView(error, raw ?? error));
}

/** A step that ended without a return value, as the run's status says it did. */
export function stepFailure(result: ActionResult): DriverFailure {
  if (result.status === 'error') return failure(result.error, result);
  const message =
    result.status === 'timeout'
      ? 'Pipedream ended the step at the workflow timeout'
      : result.status === 'canceled'
        ? (result.cancelMessage ?? 'Workflow execution canceled')
        : result.status === 'exited'
          ? `The step ended the workflow: ${result.exitReason ?? 'no reason given'}`
          : result.rerunRefused
            ? 'The step asked for more reruns than it allowed and continued without a result'
            : `The step ended ${result.status} without a return value`;
  const kind = result.status === 'timeout' ? 'TimeoutError' : `Step${capitalise(result.status)}`;
  return new DriverFailure({ kind, message, raw: result });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The dynamic props render-design adds are `string` (or `boolean`) props named `field_<key>`
 * with the key sanitised, so neither the name nor the type carries the key or the kind. Both are
 * in the description the adapter writes: "<kind hint> for `<key>`. …" (common/fields.mjs). The
 * hint's opening words are fixed per kind; they are matched here, most specific first.
 */
const KIND_BY_HINT: Array<[RegExp, FieldKind]> = [
  [/^An image URL/, 'image'],
  [/^The value the QR code encodes/, 'qr'],
  [/^The value the barcode encodes/, 'barcode'],
  [/^A colou?r/, 'color'],
  [/^A number/, 'number'],
  [/^True or false/, 'boolean'],
  [/^Text/, 'text'],
];

export const FIELD_PROP_PREFIX = 'field_';

export interface ShownField extends DriverField {
  /** The prop's name in the step's form, e.g. `field_product_name`. */
  prop: string;
  type: string;
}

export function shownFields(action: ActionHandle): ShownField[] {
  const fields: ShownField[] = [];
  for (const prop of action.props()) {
    if (prop.kind !== 'user' || !prop.name.startsWith(FIELD_PROP_PREFIX)) continue;
    const description = String(prop.spec.description ?? '');
    const key =
      /for `([^`]+)`\./.exec(description)?.[1] ?? prop.name.slice(FIELD_PROP_PREFIX.length);
    const type = String(prop.spec.type ?? 'string');
    const hinted = KIND_BY_HINT.find(([hint]) => hint.test(description))?.[1];
    const kind: FieldKind = type === 'boolean' ? 'boolean' : (hinted ?? 'text');
    fields.push({ key, kind, required: prop.spec.optional !== true, prop: prop.name, type });
  }
  return fields;
}

/** Every string the platform showed: logs, exports, outputs, errors and notices, in order. */
export class Transcript {
  private readonly lines: string[] = [];
  private readonly sources: Array<() => LogLine[]> = [];

  add(text: string | undefined): void {
    if (text) this.lines.push(text);
  }

  json(label: string, value: unknown): void {
    if (value === undefined) return;
    this.lines.push(`${label}: ${safeJson(value)}`);
  }

  logs(lines: LogLine[]): void {
    for (const line of lines) this.lines.push(`[${line.level}] ${line.message}`);
  }

  /** A source's own log, read when the transcript is: it keeps growing while the source lives. */
  follow(read: () => LogLine[]): void {
    this.sources.push(read);
  }

  step(name: string, result: ActionResult): void {
    this.json(`${name} exports`, result.exports);
    this.json(`${name} return value`, result.returnValue);
    if (result.error !== undefined) this.add(`${name} error: ${describeError(result.error)}`);
    this.add(result.cancelMessage);
    this.add(result.exitReason);
  }

  text(): string {
    const followed = this.sources.flatMap((read) =>
      read().map((line) => `[source ${line.level}] ${line.message}`),
    );
    return [...this.lines, ...followed].join('\n');
  }
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code } = error as { code?: unknown };
  return `${error.name}: ${error.message}${typeof code === 'string' ? ` (${code})` : ''}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

type Level = LogLine['level'];
type ConsoleMethod = (...args: unknown[]) => void;
const LEVELS: readonly Level[] = ['log', 'info', 'warn', 'error'];
const sinks = new Set<LogLine[]>();
const previous: Partial<Record<Level, ConsoleMethod>> = {};
const fanOut = Object.fromEntries(
  LEVELS.map((level) => [
    level,
    (...args: unknown[]) => {
      if (sinks.size === 0) return previous[level]?.(...args);
      const message = format(...args);
      for (const sink of sinks) sink.push({ level, message });
    },
  ]),
) as Record<Level, ConsoleMethod>;

/**
 * Captures console output while `work` runs, as the step's logs. Unlike a plain swap of
 * `console.*`, overlapping captures (drivers of several platforms rendering at once, a source's
 * own capture inside) share one fan-out, so nothing is restored out of order; once no capture is
 * open the fan-out passes everything to whatever console it replaced.
 */
export async function captureLogs<T>(lines: LogLine[], work: () => Promise<T>): Promise<T> {
  for (const level of LEVELS) {
    if (console[level] !== fanOut[level]) {
      previous[level] = console[level];
      console[level] = fanOut[level];
    }
  }
  sinks.add(lines);
  try {
    return await work();
  } finally {
    sinks.delete(lines);
    if (sinks.size === 0) {
      for (const level of LEVELS) {
        const replaced = previous[level];
        if (console[level] === fanOut[level] && replaced) console[level] = replaced;
      }
    }
  }
}

type ItemError = { code?: string; message?: string } | undefined;

/** The `file` a step returns for a file it saved in STASH_DIR (render-design, render-many). */
export type SavedFile = { path?: string; name?: string; contentType?: string } | undefined;

/** The saved file's bytes, read back from where the step wrote it. */
export async function readSaved(saved: SavedFile): Promise<DriverFile | undefined> {
  if (!saved?.path) return undefined;
  return {
    bytes: new Uint8Array(await readFile(saved.path)),
    contentType: saved.contentType ?? 'application/octet-stream',
    fileName: saved.name ?? saved.path,
  };
}

/** One failed item of a step that succeeded: Pipedream shows it only as an entry of the output. */
export function itemFailure(
  entry: { error?: ItemError },
  index: number,
  output: unknown,
): DriverFailure {
  return new DriverFailure({
    kind: 'ItemError',
    message: `Item ${index + 1}: ${entry.error?.message ?? 'failed'}`,
    ...(entry.error?.code ? { code: entry.error.code } : {}),
    raw: output,
  });
}

/** The step's next run, or a TimeoutError naming the callback that never came. */
export async function withTimeout(
  work: Promise<ActionResult>,
  timeoutMs: number,
): Promise<ActionResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DriverFailure({
            kind: 'TimeoutError',
            message: `Canvelete's callback did not reach the step's resume_url within ${timeoutMs} ms`,
            raw: undefined,
          }),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
