import type {
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep as n8nSleep } from 'n8n-workflow';
import type { Transport, TransportRequest, TransportResponse } from '@canvelete/core';

export const CREDENTIAL_TYPE = 'canveleteApi';

/** Every n8n context our nodes run in: all of them offer n8n's request helpers. */
export type N8nContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions
	| IPollFunctions;

interface FullResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'x-api-key']);

function lowerCaseHeaders(headers: FullResponse['headers'] | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value === undefined) continue;
		result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return result;
}

function toBytes(body: unknown): Uint8Array {
	if (body instanceof Uint8Array) return body;
	if (body instanceof ArrayBuffer) return new Uint8Array(body);
	if (body === undefined || body === null) return new Uint8Array(0);
	if (typeof body === 'string') return new TextEncoder().encode(body);
	return new TextEncoder().encode(JSON.stringify(body));
}

/** Rejects with the signal's reason as soon as it aborts (n8n's helpers take only its own signal). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return promise;
	if (signal.aborted) return Promise.reject(signal.reason);
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
		promise.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error);
			},
		);
	});
}

/**
 * A transport failure for the core, without the original error: n8n's wrapped request error keeps
 * the request options (and so the credential header) and must not travel further.
 */
function transportFailure(error: unknown): Error {
	const source = (error as { cause?: unknown })?.cause ?? error;
	const code = String((source as { code?: unknown })?.code ?? '');
	const message = String((source as { message?: unknown })?.message ?? 'request failed');
	const timedOut =
		code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message);
	const failure = new Error(
		timedOut ? 'no answer before the request timeout' : `${code || 'network error'}: ${message}`,
	);
	failure.name = timedOut ? 'TimeoutError' : 'NetworkError';
	return failure;
}

/**
 * ARCHITECTURE seam 1 for n8n: the core's HTTP goes through n8n's own request helpers, so calls
 * appear in n8n's logs and use n8n's proxy settings. Authenticated calls use the credential's
 * `authenticate` (the key never passes through the core); `auth: false` uses the plain helper.
 */
export function n8nTransport(context: N8nContext): Transport {
	return async (request: TransportRequest): Promise<TransportResponse> => {
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(request.headers)) {
			if (!request.auth && CREDENTIAL_HEADERS.has(name.toLowerCase())) continue;
			headers[name] = value;
		}
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			headers,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			sendCredentialsOnCrossOriginRedirect: false,
		};
		if (request.body !== undefined) {
			options.body =
				typeof request.body === 'string' ? request.body : Buffer.from(request.body);
		}
		if (request.timeoutMs !== undefined) options.timeout = Math.max(1, Math.ceil(request.timeoutMs));
		const call = request.auth
			? context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, options)
			: context.helpers.httpRequest(options);
		let response: FullResponse;
		try {
			response = (await abortable(call as Promise<FullResponse>, request.signal)) as FullResponse;
		} catch (error) {
			if (request.signal?.aborted) throw request.signal.reason;
			throw transportFailure(error);
		}
		return {
			status: response.statusCode,
			headers: lowerCaseHeaders(response.headers),
			body: toBytes(response.body),
		};
	};
}

/** The core's sleep on n8n's own `sleep` (the scanner forbids timers in node code). */
export function n8nSleepFn(ms: number, signal?: AbortSignal): Promise<void> {
	return abortable(n8nSleep(Math.max(0, ms)), signal);
}
