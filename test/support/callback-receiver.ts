import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: any;
  at: number;
}

export interface CallbackReceiver {
  url: string;
  received: ReceivedCallback[];
  /**
   * Status to answer for the next requests, in order; then 200. A status
   * of 0 never answers (the sender's timeout has to end the attempt).
   */
  respondWith(...statuses: number[]): void;
  /** Run inside the handler before answering (e.g. call record-info). */
  onCallback(hook: (callback: ReceivedCallback) => Promise<void>): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedCallback[]>;
  close(): Promise<void>;
}

/** A callback receiver on 127.0.0.1 that records what it is sent. */
export async function startReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const statuses: number[] = [];
  let hook: ((callback: ReceivedCallback) => Promise<void>) | undefined;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      const callback = {
        path: req.url ?? '',
        headers: req.headers,
        body,
        json,
        at: Date.now(),
      };
      received.push(callback);
      if (hook) await hook(callback).catch(() => undefined);
      const status = statuses.shift() ?? 200;
      if (status === 0) return;
      res.statusCode = status;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/callback`,
    received,
    respondWith: (...codes) => statuses.push(...codes),
    onCallback: (h) => (hook = h),
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `expected ${count} callbacks, got ${received.length}`,
          );
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      return received;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
