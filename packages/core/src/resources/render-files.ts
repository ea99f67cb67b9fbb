import { ADVICE, CanveleteError, validationError } from '../errors/index.js';
import type { HttpClient, RequestOptions } from '../http/request.js';
import type { TransportResponse } from '../http/transport.js';
import { normalizeFormat, type Render, type RenderFormat } from '../schemas/render.js';

/** A rendered file in memory. */
export interface RenderedFile {
  bytes: Uint8Array;
  contentType: string;
  format?: RenderFormat;
  renderId?: string;
  fileName: string;
}

export interface DownloadOptions {
  /** Refuse bigger files (default 100 MiB). */
  maxBytes?: number;
  signal?: AbortSignal;
  deadline?: number;
  timeoutMs?: number;
}

export const DEFAULT_MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024;

const CONTENT_TYPES: Readonly<Record<RenderFormat, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
};

export function formatFromContentType(contentType: string | undefined): RenderFormat | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type) return undefined;
  for (const [format, known] of Object.entries(CONTENT_TYPES)) {
    if (known === type) return format as RenderFormat;
  }
  return undefined;
}

function fileNameFrom(
  response: TransportResponse,
  url: URL | undefined,
  fallbackBase: string,
  format?: RenderFormat,
) {
  const disposition = response.headers['content-disposition'];
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  if (match?.[1]) return decodeURIComponent(match[1]);
  const last = url?.pathname.split('/').pop();
  if (last && /\.[a-z0-9]{2,4}$/i.test(last)) return decodeURIComponent(last);
  return `${fallbackBase}.${format ?? 'bin'}`;
}

function tooLarge(size: number, maxBytes: number): CanveleteError {
  return new CanveleteError({
    code: 'PAYLOAD_TOO_LARGE',
    message: `The rendered file is ${size} bytes, over the ${maxBytes}-byte limit. Raise maxBytes or render smaller.`,
    retryable: false,
    details: { size, maxBytes },
  });
}

/** Builds a RenderedFile from a binary answer, enforcing the size limit. */
export function toRenderedFile(
  response: TransportResponse,
  hints: { url?: URL; renderId?: string; format?: RenderFormat; maxBytes?: number },
): RenderedFile {
  const maxBytes = hints.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  if (response.body.length > maxBytes) throw tooLarge(response.body.length, maxBytes);
  const contentType = response.headers['content-type'] ?? 'application/octet-stream';
  const format =
    formatFromContentType(contentType) ??
    normalizeFormat(hints.url?.pathname.split('.').pop()) ??
    hints.format;
  const renderId = response.headers['x-render-id'] || hints.renderId;
  const file: RenderedFile = {
    bytes: response.body,
    contentType,
    fileName: fileNameFrom(response, hints.url, renderId ?? 'render', format),
  };
  if (format) file.format = format;
  if (renderId) file.renderId = renderId;
  return file;
}

/**
 * Downloads a render's file. Credentials are sent only to the API's own origin: a CDN URL on
 * another origin is fetched with `auth: false`, so the API key never leaves for a third party.
 */
export async function downloadFile(
  http: HttpClient,
  renderOrUrl: Render | string,
  options: DownloadOptions = {},
): Promise<RenderedFile> {
  const rawUrl = typeof renderOrUrl === 'string' ? renderOrUrl : renderOrUrl.url;
  if (!rawUrl) {
    throw validationError(
      'url',
      'the render has no file URL yet; wait for it to complete (renders.wait) before downloading',
    );
  }
  let url: URL;
  try {
    url = new URL(rawUrl, `${http.config.baseUrl}/`);
  } catch {
    throw validationError('url', 'is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw validationError('url', 'must be an http(s) URL');
  }
  const sameOrigin = url.origin === new URL(http.config.baseUrl).origin;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  const requestOptions: RequestOptions = {
    signal: options.signal,
    deadline: options.deadline,
    timeoutMs: options.timeoutMs,
  };
  const response = await http.send({
    method: 'GET',
    path: url.toString(),
    auth: sameOrigin,
    responseType: 'bytes',
    options: requestOptions,
  });
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared, maxBytes);
  const render = typeof renderOrUrl === 'string' ? undefined : renderOrUrl;
  return toRenderedFile(response, {
    url,
    renderId: render?.id,
    format: render?.format,
    maxBytes,
  });
}

export function missingUrlError(render: Render): CanveleteError {
  return new CanveleteError({
    code: 'INVALID_RESPONSE',
    message: `${ADVICE.INVALID_RESPONSE} (render ${render.id} completed without a file URL)`,
    details: { renderId: render.id },
  });
}
