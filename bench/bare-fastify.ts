// The yardstick for record-info throughput: a bare Fastify route that
// answers a fixed JSON body of the same size. Run as a child process.
import Fastify from 'fastify';

const body = process.env['BENCH_BODY'] ?? '{}';
const app = Fastify({ logger: false });
app.get('/fixed', async (_request, reply) =>
  reply.header('content-type', 'application/json; charset=utf-8').send(body),
);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address && typeof address !== 'string') {
  process.stdout.write(`listening ${address.port}\n`);
}
