/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

function headerParam(header: string, param: string): string | undefined {
  const match = new RegExp(`${param}="([^"]*)"`, 'i').exec(header);
  return match?.[1];
}

/**
 * Splits a multipart/form-data body into its parts. Enough for what `form-data` sends (the
 * presigned S3 upload z.stashFile makes); not a general MIME parser.
 */
export function parseMultipart(body: Buffer, contentTypeHeader: string): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentTypeHeader);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw new Error(`no multipart boundary in "${contentTypeHeader}"`);
  const delimiter = Buffer.from(`--${marker}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, data, CRLF (before the next delimiter).
    const part = body.subarray(afterDelimiter + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const data = part.subarray(headerEnd + 4);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const contentType = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1];
    parts.push({
      name: headerParam(disposition, 'name') ?? '',
      filename: headerParam(disposition, 'filename'),
      contentType,
      data: Buffer.from(data),
    });
    start = next;
  }
  return parts;
}
