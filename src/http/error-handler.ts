import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { SleeveError, type ApiCode } from '../errors.js';
import { storageFailure } from '../storage/storage-failure.js';

export interface ErrorMappingOptions {
  /** Send the envelope's code as the HTTP status too (4xx/5xx). */
  mirrorHttpStatus: boolean;
  maxBodyBytes: number;
  maxAudioBytes: number;
}

/**
 * The one place where errors become responses. Business errors travel as
 * HTTP 200 with the code in the envelope, as the hosted providers do;
 * unknown errors are logged with their stack and answered as code 500
 * without internals.
 */
export function installErrorHandling(
  app: FastifyInstance,
  options: ErrorMappingOptions,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const storage = storageFailure(error);
    if (storage) {
      // Expected on a full disk, and then on every write: one line each,
      // without a stack.
      request.log.error(
        { code: storage.code, syscall: storage.syscall, url: request.url },
        storage.log,
      );
      const answer = new SleeveError(500, storage.message);
      return sendError(reply, answer, options.mirrorHttpStatus);
    }
    const mapped = toSleeveError(error, options);
    if (mapped.code === 500) {
      request.log.error({ err: error }, 'unexpected error');
    }
    return sendError(reply, mapped, options.mirrorHttpStatus);
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      new SleeveError(
        404,
        // The path is not echoed: it may hold a secret a client put there.
        `No endpoint answers ${request.method} at this path; see /docs for ` +
          'the API.',
        { httpStatus: 404 },
      ),
      options.mirrorHttpStatus,
    ),
  );
}

/**
 * Errors Fastify meets before any route runs: a path that does not decode,
 * or a path id longer than any id. They get the envelope like the rest.
 */
export function answerFrameworkError(
  options: ErrorMappingOptions,
  exposedHeaders: readonly string[],
) {
  return (
    error: FastifyError,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    // No hook runs for these: the request id and the CORS headers every
    // other answer gets are set here.
    reply.header('X-Request-Id', request.id);
    const origin = request.headers.origin;
    if (origin) {
      reply
        .header('Access-Control-Allow-Origin', origin)
        .header('Access-Control-Expose-Headers', exposedHeaders.join(', '))
        .header('Vary', 'Origin');
    }
    void sendError(reply, fromFramework(error), options.mirrorHttpStatus);
  };
}

function fromFramework(error: FastifyError): SleeveError {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const message = 'No such record: the id in the path is too long.';
    return new SleeveError(404, message, { httpStatus: 404 });
  }
  const message = 'The URL is not valid; check its percent-encoding.';
  return new SleeveError(400, message, { httpStatus: 400 });
}

/**
 * Malformed HTTP and oversized headers never reach Fastify's routes; they
 * are answered on the socket, with a real status and the envelope.
 */
export function answerClientError(error: Error, socket: Socket): void {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNRESET' || socket.destroyed) return;
  const [status, msg] =
    code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers are larger than the server accepts.']
      : code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request did not arrive in time.']
        : [400, 'The request is not valid HTTP.'];
  const body = JSON.stringify({ code: 400, msg, data: null });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route answers a file (a download), so every refusal takes its
     * real HTTP status: a browser or `curl -O` must not save an error
     * envelope under an image's name.
     */
    answersFile?: boolean;
  }
}

export function sendError(
  reply: FastifyReply,
  error: SleeveError,
  mirror: boolean,
): FastifyReply {
  const real = mirror || reply.request.routeOptions.config?.answersFile;
  const mirrored = real && error.code >= 400 ? error.code : 200;
  if (error.retryAfterSec !== undefined) {
    reply.header('Retry-After', String(error.retryAfterSec));
  }
  // Serialised here rather than by the route's response schema, which
  // describes the success answer and would coerce an error's null data to
  // its type: a 401 on the credit routes read as a balance of 0.
  const body = { code: error.code, msg: error.message, data: error.data };
  return reply
    .status(error.httpStatus ?? mirrored)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(body));
}

function toSleeveError(
  error: FastifyError,
  options: ErrorMappingOptions,
): SleeveError {
  if (error instanceof SleeveError) return error;
  if (error.validation) return new SleeveError(422, validationMessage(error));

  const known = TRANSPORT_ERRORS[error.code];
  if (known) return known(options);
  if (
    error instanceof SyntaxError ||
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return new SleeveError(
      400,
      'The body is not valid JSON; send a JSON object.',
    );
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return new SleeveError(400, 'The request could not be read.');
  }
  return new SleeveError(500, 'Internal error; please try again later.');
}

const kb = (bytes: number) => Math.round(bytes / 1024);
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

type Make = (options: ErrorMappingOptions) => SleeveError;

const tooLarge = (message: string) =>
  new SleeveError(413 as ApiCode, message, { httpStatus: 413 });

const TRANSPORT_ERRORS: Record<string, Make> = {
  FST_ERR_CTP_BODY_TOO_LARGE: (o) =>
    tooLarge(`The body is larger than the ${kb(o.maxBodyBytes)} KB limit.`),
  FST_REQ_FILE_TOO_LARGE: (o) =>
    tooLarge(
      `The audio file is larger than the ${mb(o.maxAudioBytes)} MB limit.`,
    ),
  FST_FILES_LIMIT: () => new SleeveError(422, 'Send one audio file only.'),
  FST_PARTS_LIMIT: () => new SleeveError(422, 'Too many form fields.'),
  FST_FIELDS_LIMIT: () => new SleeveError(422, 'Too many form fields.'),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () =>
    new SleeveError(400, 'The body is not valid multipart form data.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new SleeveError(400, 'Send the body as JSON (application/json).'),
};

type ValidationIssue = NonNullable<FastifyError['validation']>[number];

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a JSON object',
  array: 'a list',
  null: 'null',
};

const PLACE_WORDS: Record<string, string> = {
  body: 'The request body',
  querystring: 'The query string',
  params: 'The path',
  headers: 'The request headers',
};

/**
 * Turns the validator's first complaint ("body/taskId must be string")
 * into a sentence that names the field: "taskId must be a string."
 */
function validationMessage(error: FastifyError): string {
  const issues = error.validation ?? [];
  const first = issues[0];
  if (!first) return 'The request failed validation.';
  const context = error.validationContext ?? 'body';
  const params = first.params as Record<string, unknown>;
  const field = fieldOf(first);
  const subject = field || PLACE_WORDS[context] || 'The request';
  switch (first.keyword) {
    case 'required':
      return `${joinField(field, String(params['missingProperty']))} is required.`;
    case 'additionalProperties':
      return `${joinField(field, String(params['additionalProperty']))} is not a known field.`;
    case 'type': {
      // A query value is always a string, unless the name came twice.
      if (context === 'querystring' && field) {
        return `${field} must be given once only.`;
      }
      return `${subject} must be ${typesAllowed(issues, first)}.`;
    }
    case 'minLength':
      return params['limit'] === 1
        ? `${subject} must not be empty.`
        : `${subject} must be at least ${params['limit']} characters long.`;
    case 'maxLength':
      return `${subject} must be at most ${params['limit']} characters long.`;
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]) ?? [];
      return `${subject} must be one of ${allowed.join(', ')}.`;
    }
    case 'minimum':
      return `${subject} must be at least ${params['limit']}.`;
    case 'maximum':
      return `${subject} must be at most ${params['limit']}.`;
    case 'pattern':
    case 'format':
      return `${subject} is not in the expected form; see /docs.`;
    default:
      return `${subject} is not valid; see /docs.`;
  }
}

function fieldOf(issue: ValidationIssue): string {
  return issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
}

const joinField = (parent: string, name: string) =>
  parent ? `${parent}.${name}` : name;

/** "a string or null" when the schema was a union (anyOf) of types. */
function typesAllowed(issues: ValidationIssue[], first: ValidationIssue) {
  const types = issues
    .filter(
      (issue) =>
        issue.keyword === 'type' && issue.instancePath === first.instancePath,
    )
    .flatMap((issue) => String(issue.params['type']).split(','));
  const words = [...new Set(types)].map((type) => TYPE_WORDS[type] ?? type);
  return words.join(' or ');
}
