import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import type { DeliveryOutcome } from '../../src/delivery/delivery-outcome.js';
import {
  postCallback,
  type PostCallbackOptions,
} from '../../src/delivery/post-callback.js';
import { buildCallbackHeaders } from '../../src/delivery/sign-callback.js';
import { verifyStandardSignature } from '../../src/delivery/verify-callback.js';
import {
  closedPort,
  lookupFrom,
  startReceiver,
  type Answer,
  type Receiver,
} from './receiver.js';

const TASK_ID = '0123456789abcdef0123456789abcdef';
const BODY = JSON.stringify({
  code: 200,
  msg: 'success',
  data: { taskId: TASK_ID, images: ['https://img.example/a.png'] },
});

// Made-up names that only the injected resolver knows, all on loopback,
// where the receivers listen.
const lookup = lookupFrom({
  'callback.test': ['127.0.0.1'],
  'other.test': ['127.0.0.1'],
});

/** Loopback is where the receivers are, so most tests must allow it. */
const LOOPBACK_ALLOWED: PostCallbackOptions = { allowPrivate: true, lookup };

/** Sends the test callback without extra headers. */
function send(
  url: string,
  options: PostCallbackOptions = LOOPBACK_ALLOWED,
): Promise<DeliveryOutcome> {
  return postCallback(url, BODY, {}, options);
}

async function withReceiver(
  answer: Answer,
  test: (receiver: Receiver) => Promise<void>,
): Promise<void> {
  const receiver = await startReceiver(answer);
  try {
    await test(receiver);
  } finally {
    await receiver.close();
  }
}

function answerWith(status: number, headers: Record<string, string> = {}) {
  return (_request: unknown, response: ServerResponse) => {
    response.writeHead(status, headers).end('ok');
  };
}

function assertFailure(
  outcome: DeliveryOutcome,
  expected: { reason: string; retryable: boolean; status?: number },
): void {
  assert.equal(outcome.ok, false, JSON.stringify(outcome));
  if (outcome.ok) return;
  assert.equal(outcome.reason, expected.reason, outcome.error);
  assert.equal(outcome.retryable, expected.retryable);
  assert.equal(outcome.status, expected.status);
  assert.ok(outcome.error.length > 0);
  assert.ok(!outcome.error.includes('http://'), outcome.error);
}

/** Writes data until the client goes away, as a hostile receiver might. */
function streamForever(status: number, written: { bytes: number }) {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  return (_request: unknown, response: ServerResponse) => {
    response.writeHead(status, { 'content-type': 'text/plain' });
    const write = (): void => {
      while (!response.destroyed && response.write(chunk)) {
        written.bytes += chunk.length;
      }
      if (!response.destroyed) response.once('drain', write);
    };
    write();
  };
}

describe('postCallback delivers', () => {
  it('a JSON POST with the exact body and reports a 2xx as ok', async () => {
    await withReceiver(answerWith(200), async (receiver) => {
      const url = receiver.url('/hooks/sleeve?k=1', 'callback.test');
      const outcome = await send(url);

      assert.deepEqual(outcome, { ok: true, status: 200 });
      assert.equal(receiver.requests.length, 1);
      const [request] = receiver.requests;
      assert.equal(request?.method, 'POST');
      assert.equal(request?.path, '/hooks/sleeve?k=1');
      assert.equal(request?.headers['content-type'], 'application/json');
      assert.equal(request?.body, BODY);
    });
  });

  it('any 2xx status, such as 204', async () => {
    await withReceiver(answerWith(204), async (receiver) => {
      const outcome = await send(receiver.url());
      assert.deepEqual(outcome, { ok: true, status: 204 });
    });
  });

  it('signed headers the receiver can verify', async () => {
    await withReceiver(answerWith(200), async (receiver) => {
      const key = 'whsec_' + Buffer.from('receiver secret').toString('base64');
      const headers = buildCallbackHeaders({
        taskId: TASK_ID,
        body: BODY,
        key,
      });
      await postCallback(receiver.url(), BODY, headers, LOOPBACK_ALLOWED);

      const request = receiver.requests[0];
      assert.ok(request);
      const header = (name: string) => String(request.headers[name]);
      assert.equal(header('webhook-id'), `msg_${TASK_ID}`);
      assert.equal(
        header('x-webhook-signature'),
        headers['X-Webhook-Signature'],
      );
      const verified = verifyStandardSignature({
        id: header('webhook-id'),
        timestamp: header('webhook-timestamp'),
        signature: header('webhook-signature'),
        body: request.body,
        key,
      });
      assert.equal(verified, true);
    });
  });

  it('as application/json whatever Content-Type the caller gave', async () => {
    await withReceiver(answerWith(200), async (receiver) => {
      const headers = { 'Content-Type': 'text/plain', 'X-Extra': 'kept' };
      await postCallback(receiver.url(), BODY, headers, LOOPBACK_ALLOWED);
      const request = receiver.requests[0];
      assert.equal(request?.headers['content-type'], 'application/json');
      assert.equal(request?.headers['x-extra'], 'kept');
      assert.match(String(request?.headers['user-agent']), /^Sleeve-Callback/);
    });
  });

  it('after resolving the host exactly once per hop', async () => {
    await withReceiver(answerWith(200), async (receiver) => {
      const counted = lookupFrom({ 'callback.test': ['127.0.0.1'] });
      const url = receiver.url('/cb', 'callback.test');
      const outcome = await send(url, {
        allowPrivate: true,
        lookup: counted,
      });
      assert.equal(outcome.ok, true);
      assert.deepEqual(counted.calls, ['callback.test']);
    });
  });
});

describe('postCallback reports retryable failures for', () => {
  // The contract retries every answer but 2xx, client errors included.
  for (const status of [500, 503, 404, 400, 410]) {
    it(`a ${status} answer`, async () => {
      await withReceiver(answerWith(status), async (receiver) => {
        const outcome = await send(receiver.url());
        assertFailure(outcome, {
          reason: 'http-status',
          retryable: true,
          status,
        });
        assert.equal(receiver.requests.length, 1);
      });
    });
  }

  it('a receiver that never answers, after the timeout', async () => {
    await withReceiver(
      () => {},
      async (receiver) => {
        const outcome = await send(receiver.url(), {
          ...LOOPBACK_ALLOWED,
          timeoutMs: 300,
        });
        assertFailure(outcome, { reason: 'timeout', retryable: true });
        assert.match(outcome.ok ? '' : outcome.error, /0\.3 s/);
        assert.equal(receiver.requests.length, 1);
      },
    );
  });

  it('a host name that never resolves, after the timeout', async () => {
    const outcome = await send('http://slow.test/cb', {
      lookup: () => new Promise<readonly string[]>(() => {}),
      timeoutMs: 300,
    });
    assertFailure(outcome, { reason: 'timeout', retryable: true });
  });

  it('a refused connection', async () => {
    const port = await closedPort();
    const outcome = await send(`http://127.0.0.1:${port}/cb`);
    assertFailure(outcome, { reason: 'network', retryable: true });
    assert.match(outcome.ok ? '' : outcome.error, /refused the connection/);
  });

  it('a host name that does not resolve', async () => {
    const outcome = await send('http://missing.test/cb', {
      lookup,
    });
    assertFailure(outcome, { reason: 'dns', retryable: true });
  });

  it('a resolver that fails without an error code', async () => {
    const outcome = await send('http://broken.test/cb', {
      lookup: () => Promise.reject(new Error('resolver crashed')),
    });
    assertFailure(outcome, { reason: 'dns', retryable: true });
  });

  it('a host name with no addresses', async () => {
    const outcome = await send('http://empty.test/cb', {
      lookup: lookupFrom({ 'empty.test': [] }),
    });
    assertFailure(outcome, { reason: 'dns', retryable: true });
  });

  it('an attempt stopped by the caller', async () => {
    const controller = new AbortController();
    await withReceiver(
      () => controller.abort(),
      async (receiver) => {
        const outcome = await send(receiver.url(), {
          ...LOOPBACK_ALLOWED,
          signal: controller.signal,
        });
        assertFailure(outcome, { reason: 'aborted', retryable: true });
      },
    );
  });
});

describe('postCallback refuses, without retrying,', () => {
  it('a name resolving to loopback, before connecting', async () => {
    await withReceiver(answerWith(200), async (receiver) => {
      const url = receiver.url('/cb', 'callback.test');
      const outcome = await send(url, { lookup });
      assertFailure(outcome, { reason: 'refused', retryable: false });
      assert.equal(receiver.connections(), 0);
      assert.equal(receiver.requests.length, 0);
    });
  });

  it('a literal loopback URL', async () => {
    await withReceiver(answerWith(200), async (receiver) => {
      const outcome = await send(receiver.url(), { lookup });
      assertFailure(outcome, { reason: 'refused', retryable: false });
      assert.equal(receiver.connections(), 0);
    });
  });

  it('a name whose answers mix public and private addresses', async () => {
    // Refused before any connection. Even if the guard were broken, the
    // connection would try the loopback answer first, and it succeeds.
    const mixed = lookupFrom({
      'mixed.test': ['127.0.0.1', '2606:4700:4700::1111'],
    });
    await withReceiver(answerWith(200), async (receiver) => {
      const url = receiver.url('/cb', 'mixed.test');
      const outcome = await send(url, { lookup: mixed });
      assertFailure(outcome, { reason: 'refused', retryable: false });
      assert.equal(receiver.connections(), 0);
    });
  });

  it('a URL that fails parsing, without resolving it', async () => {
    const counted = lookupFrom({});
    for (const url of ['ftp://files.test/cb', 'https://u:p@callback.test/']) {
      const outcome = await send(url, { lookup: counted });
      assertFailure(outcome, { reason: 'refused', retryable: false });
      assert.ok(!(outcome.ok || outcome.error.includes(url)));
    }
    assert.deepEqual(counted.calls, []);
  });
});

describe('postCallback with private addresses allowed', () => {
  it('delivers to a literal IPv6 host (mapped loopback)', async () => {
    await withReceiver(answerWith(200), async (receiver) => {
      const url = receiver.url('/cb', '[::ffff:127.0.0.1]');
      const outcome = await send(url, { allowPrivate: true });
      assert.deepEqual(outcome, { ok: true, status: 200 });
      assert.equal(receiver.requests.length, 1);
    });
  });

  it('delivers to a name resolving to loopback', async () => {
    await withReceiver(answerWith(200), async (receiver) => {
      const url = receiver.url('/cb', 'callback.test');
      const outcome = await send(url);
      assert.deepEqual(outcome, { ok: true, status: 200 });
      assert.equal(receiver.requests.length, 1);
    });
  });
});

/** Answers `/hop/<n>` with a redirect to `/hop/<n+1>`, `/final` with 200. */
function redirectChain(status: number, hops: number): Answer {
  return (request, response) => {
    const hop = Number(/^\/hop\/(\d+)$/.exec(request.path)?.[1] ?? NaN);
    if (request.path === '/final' || hop >= hops) {
      return void response.writeHead(200).end();
    }
    const next = hop + 1 === hops ? '/final' : `/hop/${hop + 1}`;
    response.writeHead(status, { location: next }).end();
  };
}

describe('postCallback redirects', () => {
  for (const status of [307, 308]) {
    it(`follows ${status}, keeping the POST and its body`, async () => {
      await withReceiver(redirectChain(status, 1), async (receiver) => {
        const outcome = await postCallback(
          receiver.url('/hop/0'),
          BODY,
          { 'webhook-id': 'msg_kept' },
          LOOPBACK_ALLOWED,
        );
        assert.deepEqual(outcome, { ok: true, status: 200 });
        const seen = receiver.requests.map((r) => [r.method, r.path, r.body]);
        assert.deepEqual(seen, [
          ['POST', '/hop/0', BODY],
          ['POST', '/final', BODY],
        ]);
        assert.equal(receiver.requests[1]?.headers['webhook-id'], 'msg_kept');
      });
    });
  }

  it('follows an absolute Location to another host, resolving it', async () => {
    const counted = lookupFrom({
      'callback.test': ['127.0.0.1'],
      'other.test': ['127.0.0.1'],
    });
    let port = 0;
    const answer: Answer = (request, response) => {
      if (request.path === '/final') return void response.writeHead(200).end();
      const location = `http://other.test:${port}/final`;
      response.writeHead(308, { location }).end();
    };
    await withReceiver(answer, async (receiver) => {
      port = receiver.port;
      const outcome = await send(receiver.url('/start', 'callback.test'), {
        allowPrivate: true,
        lookup: counted,
      });
      assert.deepEqual(outcome, { ok: true, status: 200 });
      assert.deepEqual(counted.calls, ['callback.test', 'other.test']);
      assert.equal(receiver.requests[1]?.headers.host, `other.test:${port}`);
    });
  });

  it('follows a chain of exactly three', async () => {
    await withReceiver(redirectChain(307, 3), async (receiver) => {
      const outcome = await send(receiver.url('/hop/0'));
      assert.deepEqual(outcome, { ok: true, status: 200 });
      assert.equal(receiver.requests.length, 4);
    });
  });

  it('gives up on a fourth redirect', async () => {
    await withReceiver(redirectChain(307, 10), async (receiver) => {
      const outcome = await send(receiver.url('/hop/0'));
      assertFailure(outcome, {
        reason: 'redirect',
        retryable: true,
        status: 307,
      });
      assert.equal(receiver.requests.length, 4);
    });
  });

  it('honours a lower redirect limit', async () => {
    await withReceiver(redirectChain(307, 10), async (receiver) => {
      const outcome = await send(receiver.url('/hop/0'), {
        ...LOOPBACK_ALLOWED,
        maxRedirects: 0,
      });
      assertFailure(outcome, {
        reason: 'redirect',
        retryable: true,
        status: 307,
      });
      assert.equal(receiver.requests.length, 1);
    });
  });

  for (const status of [301, 302, 303]) {
    it(`does not follow ${status}, a redirect to GET`, async () => {
      await withReceiver(redirectChain(status, 1), async (receiver) => {
        const outcome = await send(receiver.url('/hop/0'));
        assertFailure(outcome, { reason: 'redirect', retryable: true, status });
        assert.match(outcome.ok ? '' : outcome.error, /307 and 308/);
        assert.equal(receiver.requests.length, 1);
      });
    });
  }

  it('fails a 307 without a Location', async () => {
    await withReceiver(answerWith(307), async (receiver) => {
      const outcome = await send(receiver.url());
      assertFailure(outcome, { reason: 'redirect', retryable: true });
    });
  });

  it('refuses a redirect to a URL that fails parsing', async () => {
    for (const location of [
      'ftp://other.test/file',
      'http://user:pass@other.test/cb',
    ]) {
      await withReceiver(answerWith(307, { location }), async (receiver) => {
        const outcome = await send(receiver.url());
        assertFailure(outcome, { reason: 'refused', retryable: false });
        assert.equal(receiver.requests.length, 1);
      });
    }
  });
});

describe('postCallback guards every redirect hop', () => {
  // The first hop must be allowed to reach the loopback receiver, so the
  // policy admits exactly "127.0.0.1". The redirect targets are the same
  // receiver written as "::ffff:127.0.0.1", which the policy refuses: a
  // broken guard would still only reach this receiver.
  const onlyFirstForm = (ip: string) => ip === '127.0.0.1';

  it('refuses a redirect to a name with a refused address', async () => {
    const rebinding = lookupFrom({
      'callback.test': ['127.0.0.1'],
      'inside.test': ['::ffff:127.0.0.1'],
    });
    let port = 0;
    const answer: Answer = (_request, response) => {
      const location = `http://inside.test:${port}/final`;
      response.writeHead(307, { location }).end();
    };
    await withReceiver(answer, async (receiver) => {
      port = receiver.port;
      const outcome = await send(receiver.url('/start', 'callback.test'), {
        lookup: rebinding,
        isAllowedAddress: onlyFirstForm,
      });
      assertFailure(outcome, { reason: 'refused', retryable: false });
      assert.equal(receiver.requests.length, 1);
      assert.deepEqual(rebinding.calls, ['callback.test', 'inside.test']);
    });
  });

  it('refuses a redirect to a literal refused address', async () => {
    let port = 0;
    const answer: Answer = (_request, response) => {
      const location = `http://[::ffff:127.0.0.1]:${port}/final`;
      response.writeHead(308, { location }).end();
    };
    await withReceiver(answer, async (receiver) => {
      port = receiver.port;
      const outcome = await send(receiver.url('/start', 'callback.test'), {
        lookup,
        isAllowedAddress: onlyFirstForm,
      });
      assertFailure(outcome, { reason: 'refused', retryable: false });
      assert.match(outcome.ok ? '' : outcome.error, /private-address/);
      assert.equal(receiver.requests.length, 1);
    });
  });

  it('refuses a redirect to a local name', async () => {
    await withReceiver(
      answerWith(307, { location: 'http://localhost/cb' }),
      async (receiver) => {
        const outcome = await send(receiver.url('/start', 'callback.test'), {
          lookup,
          isAllowedAddress: onlyFirstForm,
        });
        assertFailure(outcome, { reason: 'refused', retryable: false });
        assert.equal(receiver.requests.length, 1);
      },
    );
  });
});

describe('postCallback reads little of a response', () => {
  it(
    'returns from an endless 2xx body after reading a few KiB',
    { timeout: 20_000 },
    async () => {
      const written = { bytes: 0 };
      await withReceiver(streamForever(200, written), async (receiver) => {
        const outcome = await send(receiver.url());
        assert.deepEqual(outcome, { ok: true, status: 200 });
      });
      // What the receiver could write before the connection dropped is
      // bounded by socket buffers, not by what it wanted to send.
      assert.ok(written.bytes < 64 * 1024 * 1024, `${written.bytes} bytes`);
    },
  );

  it(
    'returns from an endless error body with the status',
    { timeout: 20_000 },
    async () => {
      await withReceiver(streamForever(500, { bytes: 0 }), async (receiver) => {
        const outcome = await send(receiver.url());
        assertFailure(outcome, {
          reason: 'http-status',
          retryable: true,
          status: 500,
        });
      });
    },
  );

  it('keeps a 2xx whose body then stalls', async () => {
    const stall: Answer = (_request, response) => {
      response.writeHead(200, { 'content-length': '1000' }).write('partial');
    };
    await withReceiver(stall, async (receiver) => {
      const outcome = await send(receiver.url(), {
        ...LOOPBACK_ALLOWED,
        // Long enough for the headers to arrive even on a loaded machine.
        timeoutMs: 1000,
      });
      assert.deepEqual(outcome, { ok: true, status: 200 });
    });
  });
});
