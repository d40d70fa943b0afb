import {
  createServer,
  type IncomingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupHost } from '../../src/delivery/resolve-host.js';

/** A request as a test receiver saw it, body read in full. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Answer = (
  request: ReceivedRequest,
  response: ServerResponse,
) => void;

/** A callback receiver on 127.0.0.1, the only place tests send traffic. */
export interface Receiver {
  port: number;
  /** `http://<host>:<port><path>`; hosts other than 127.0.0.1 need a lookup. */
  url(path?: string, host?: string): string;
  requests: ReceivedRequest[];
  /** TCP connections accepted, with or without a request. */
  connections(): number;
  close(): Promise<void>;
}

export async function startReceiver(answer: Answer): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      answer(received, response);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url: (path = '/callback', host = '127.0.0.1') =>
      `http://${host}:${port}${path}`,
    requests,
    connections: () => connections,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port that was just open and is now closed: connecting is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An injected resolver answering from a table, recording every call. */
export interface TableLookup extends LookupHost {
  calls: string[];
}

export function lookupFrom(
  table: Record<string, readonly string[]>,
): TableLookup {
  const calls: string[] = [];
  const lookup = async (hostname: string): Promise<readonly string[]> => {
    calls.push(hostname);
    const answer = table[hostname];
    if (answer !== undefined) return answer;
    throw Object.assign(new Error(`no test entry for ${hostname}`), {
      code: 'ENOTFOUND',
    });
  };
  return Object.assign(lookup, { calls });
}
