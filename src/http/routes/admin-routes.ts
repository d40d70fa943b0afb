import '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { KEY_NAME_MAX_LENGTH } from '../../accounts/key-name.js';
import { fromMicro, type ApiKey } from '../../storage/records.js';
import type { HttpContext } from '../context.js';
import { success } from '../envelope.js';
import { requireAdmin } from '../guards.js';
import {
  ApiKeyView,
  CreatedApiKey,
  envelope,
  KeyCredits,
  MaintenanceState,
  OrNull,
} from '../schemas.js';

/**
 * Credits are kept as integer micro-credits; a billion credits is 1e15 of
 * them, well inside the integers a number holds exactly (2^53). Larger
 * amounts would lose fractions, and 1e308 would store Infinity.
 */
const MAX_CREDITS = 1_000_000_000;

const CreateKeyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: KEY_NAME_MAX_LENGTH }),
  credits: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_CREDITS })),
  admin: Type.Optional(Type.Boolean()),
});

const CreditsBody = Type.Object({
  amount: Type.Number({
    minimum: -MAX_CREDITS,
    maximum: MAX_CREDITS,
    description: 'Credits to add; negative removes.',
  }),
});

const MaintenanceBody = Type.Object({ enabled: Type.Boolean() });

/** Operator endpoints; every one needs an admin key. */
export function registerAdminRoutes(app: FastifyInstance, ctx: HttpContext) {
  const base = '/api/v1/sleeve/admin';
  const tags = ['admin'];

  app.get(
    `${base}/keys`,
    {
      schema: {
        tags,
        summary: 'List API keys',
        response: { 200: envelope(OrNull(Type.Array(ApiKeyView))) },
      },
    },
    async (request) => {
      await requireAdmin(ctx, request);
      return success((await ctx.accounts.list()).map(describeKey));
    },
  );

  app.post<{ Body: Static<typeof CreateKeyBody> }>(
    `${base}/keys`,
    {
      schema: {
        tags,
        summary: 'Create an API key (shown once)',
        body: CreateKeyBody,
        response: { 200: envelope(OrNull(CreatedApiKey)) },
      },
    },
    async (request) => {
      await requireAdmin(ctx, request);
      const { name, credits, admin } = request.body;
      const created = await ctx.accounts.createKey({
        name,
        credits: credits ?? ctx.config.initialCredits,
        isAdmin: admin ?? false,
      });
      return success({ ...describeKey(created.key), key: created.secret });
    },
  );

  app.post<{ Params: { id: string } }>(
    `${base}/keys/:id/revoke`,
    {
      schema: {
        tags,
        summary: 'Revoke an API key',
        response: { 200: envelope(Type.Null()) },
      },
    },
    async (request) => {
      await requireAdmin(ctx, request);
      await ctx.accounts.revoke(request.params.id);
      return success(null);
    },
  );

  app.post<{ Params: { id: string }; Body: Static<typeof CreditsBody> }>(
    `${base}/keys/:id/credits`,
    {
      schema: {
        tags,
        summary: 'Add credits to a key',
        body: CreditsBody,
        response: { 200: envelope(OrNull(KeyCredits)) },
      },
    },
    async (request) => {
      await requireAdmin(ctx, request);
      const balance = await ctx.accounts.addCredits(
        request.params.id,
        request.body.amount,
      );
      return success({ id: request.params.id, credits: balance });
    },
  );

  app.get(
    `${base}/maintenance`,
    {
      schema: {
        tags,
        summary: 'Maintenance state',
        response: { 200: envelope(OrNull(MaintenanceState)) },
      },
    },
    async (request) => {
      await requireAdmin(ctx, request);
      return success({ enabled: await ctx.maintenance.isOn() });
    },
  );

  app.post<{ Body: Static<typeof MaintenanceBody> }>(
    `${base}/maintenance`,
    {
      schema: {
        tags,
        summary: 'Switch maintenance mode',
        description: 'While on, new work answers 455; reads keep working.',
        body: MaintenanceBody,
        response: { 200: envelope(OrNull(MaintenanceState)) },
      },
    },
    async (request) => {
      await requireAdmin(ctx, request);
      await ctx.maintenance.set(request.body.enabled);
      return success({ enabled: await ctx.maintenance.isOn() });
    },
  );
}

/** A key as shown to operators: never its secret or hash. */
export function describeKey(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    admin: key.isAdmin,
    credits: fromMicro(key.creditsMicro),
    createdAt: new Date(key.createdAt).toISOString(),
    revoked: key.revokedAt !== null,
  };
}
