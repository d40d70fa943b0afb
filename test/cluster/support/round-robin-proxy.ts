import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Base URLs requests are spread over, in turn. */
  upstreams: string[];
  close(): Promise<void>;
}

/**
 * The load balancer in front of the API processes, for GET requests only:
 * SLEEVE_PUBLIC_URL points here, so image URLs written by any worker are
 * fetched through whichever API answers.
 */
export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  const upstreams: string[] = [];
  let next = 0;
  const server = http.createServer(async (req, res) => {
    const upstream = upstreams[next++ % Math.max(1, upstreams.length)];
    if (!upstream || req.method !== 'GET') {
      res.writeHead(502).end();
      return;
    }
    try {
      const answer = await fetch(upstream + (req.url ?? '/'));
      const body = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? '',
      });
      res.end(body);
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    upstreams,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
