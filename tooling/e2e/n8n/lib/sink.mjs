// A loopback HTTP server that records what workflows POST to it: the observable end of a workflow
// run, without the n8n REST API (which needs an owner account and an API key).
import { createServer } from 'node:http';

export async function startSink() {
  const received = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      let json;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      received.push({ method: request.method, path: request.url, body, json });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
