import type { FastifyInstance } from 'fastify';
import '@fastify/swagger';
import { Type, type Static } from 'typebox';
import type { RateRule } from '../../config/config.js';
import type { CoverRecordInfo as CoverRecordInfoData } from '../../covers/cover-details.js';
import type { HttpContext } from '../context.js';
import { success } from '../envelope.js';
import {
  limitRate,
  limitRateOfStartedWork,
  refuseInMaintenance,
  requireKey,
} from '../guards.js';
import {
  CoverRecordInfo,
  envelope,
  GenerateCoverBody,
  OrNull,
  TaskIdData,
  TaskIdQuery,
} from '../schemas.js';

export function registerCoverRoutes(app: FastifyInstance, ctx: HttpContext) {
  app.post<{ Body: Static<typeof GenerateCoverBody> }>(
    '/api/v1/suno/cover/generate',
    {
      schema: {
        tags: ['cover'],
        summary: 'Start a cover task for a finished music task',
        description:
          'One cover per music task: a repeat answers code 400 with the ' +
          'existing cover task id in data. The result is POSTed to ' +
          'callBackUrl (optional here) and shown by record-info.',
        body: GenerateCoverBody,
        response: { 200: envelope(OrNull(TaskIdData)) },
      },
      // The handler counts a bad body against the attempts budget first.
      attachValidation: true,
    },
    async (request) => {
      const key = await requireKey(ctx, request);
      await refuseInMaintenance(ctx);
      const rule = ctx.config.rateGenerate;
      await limitRate(
        ctx,
        `generate-attempts:${key.id}`,
        attemptsRule(rule),
        'cover requests (rejected ones count too)',
      );
      if (request.validationError) throw request.validationError;
      const task = await limitRateOfStartedWork(
        ctx,
        request,
        { bucket: `generate:${key.id}`, rule, what: 'new tasks' },
        () => ctx.covers.request(key, request.body),
      );
      return success({ taskId: task.taskId });
    },
  );

  app.get<{ Querystring: Static<typeof TaskIdQuery> }>(
    '/api/v1/suno/cover/record-info',
    {
      schema: {
        tags: ['cover'],
        summary: 'Get a cover task: state and, once done, two image URLs',
        description:
          'successFlag 0 pending, 2 generating, 1 success, 3 failed. ' +
          "Unknown ids, and other keys' tasks, answer data null. Poll " +
          'at most about 3 times a second per task; every 30 s is plenty.',
        querystring: TaskIdQuery,
        response: {
          200: envelope(OrNull(CoverRecordInfo)),
        },
      },
    },
    async (request, reply) => {
      const key = await requireKey(ctx, request);
      const { taskId } = request.query;
      await limitRate(
        ctx,
        `poll:${key.id}:${taskId}`,
        ctx.config.ratePoll,
        'status polls for this task',
      );
      const info = await ctx.covers.details(key, taskId);
      const finished =
        info && (info.successFlag === 1 || info.successFlag === 3);
      if (!finished) return success(info);
      return reply.type(JSON_TYPE).send(serialisedOnce(info));
    },
  );
}

/**
 * Only requests that start a task spend the generate limit (the
 * contract's "new generation requests"); every request, rejected or not,
 * also counts on this many times that limit, so that a flood of bad
 * requests is still held back. docs/api.md says why.
 */
const ATTEMPTS_PER_TASK = 5;

const attemptsRule = (rule: RateRule): RateRule => ({
  points: rule.points * ATTEMPTS_PER_TASK,
  durationSec: rule.durationSec,
});

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A finished task's answer is the same object every time (the cover
 * service keeps it), so its JSON is written once and kept beside it.
 */
const serialised = new WeakMap<CoverRecordInfoData, string>();

function serialisedOnce(info: CoverRecordInfoData): string {
  let json = serialised.get(info);
  if (json === undefined) {
    json = JSON.stringify(success(info));
    serialised.set(info, json);
  }
  return json;
}
