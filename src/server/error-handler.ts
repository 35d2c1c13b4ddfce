// The one place where errors become HTTP responses:
// { error: { code, message, details?, request_id } }, the request id being the
// one the log lines of the request carry (and the X-Request-Id header).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { BeaconError, StatementTimeoutError, StorageFullError, TooManyRequestsError, UnavailableError, type ErrorBody } from '../core/errors.js';

const FASTIFY_CODES: Record<string, { status: number; code: string; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'request body is over the size limit' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_request', message: 'empty JSON body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'body is not valid JSON' },
  FST_ERR_VALIDATION: { status: 400, code: 'invalid_request' },
};

/** Renders an error; `count` hears the code of every error answer (for the server's metrics). */
export function errorHandler(count: (code: string) => void = () => undefined) {
  return (err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const { status, body, retryAfterSeconds } = render(err, request);
    count(body.error.code);
    body.error.request_id = request.id;
    if (retryAfterSeconds !== undefined) reply.header('Retry-After', String(retryAfterSeconds));
    return reply.status(status).send(body);
  };
}

function render(err: FastifyError | Error, request: FastifyRequest): { status: number; body: ErrorBody; retryAfterSeconds?: number } {
  if (err instanceof BeaconError) {
    const retry = err instanceof UnavailableError || err instanceof TooManyRequestsError || err instanceof StatementTimeoutError || err instanceof StorageFullError;
    return { status: err.status, body: err.toBody(), retryAfterSeconds: retry ? err.retryAfterSeconds : undefined };
  }
  const fastifyError = err as FastifyError;
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return { status: known.status, body: body(known.code, known.message ?? err.message) };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { status: fastifyError.statusCode, body: body('invalid_request', err.message) };
  }
  request.log.error({ err }, 'unhandled error');
  return { status: 500, body: body('internal', 'internal error; see the server log') };
}

/** The answer to a route that does not exist; `count` as for errorHandler. */
export function notFoundHandler(count: (code: string) => void = () => undefined) {
  return (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    count('not_found');
    return notFound(request, reply);
  };
}

export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const answer = body('not_found', `no route ${request.method} ${request.url.split('?')[0]}`);
  answer.error.request_id = request.id;
  return reply.status(404).send(answer);
}

function body(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
