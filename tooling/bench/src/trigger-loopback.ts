// A loopback receiver standing in for a platform's public webhook URL: it reads each delivery as it
// arrived (headers + raw body, nothing re-serialised) and hands it to the platform runtime.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackDelivery {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

export interface LoopbackReceiver {
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

/** `forward` answers the HTTP status; a thrown error answers 500 (its message is not sent back). */
export async function startLoopbackReceiver(
  forward: (delivery: LoopbackDelivery) => Promise<number>,
): Promise<LoopbackReceiver> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const delivery = {
        method: req.method ?? 'POST',
        path: req.url ?? '/',
        headers: req.headers,
        rawBody: Buffer.concat(chunks),
      };
      forward(delivery).then(
        (status) => res.writeHead(status).end(),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
