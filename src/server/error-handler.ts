// The one place where errors become HTTP responses: { error: { code, message, details } }.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { BeaconError, StatementTimeoutError, TooManyRequestsError, UnavailableError, type ErrorBody } from '../core/errors.js';

const FASTIFY_CODES: Record<string, { status: number; code: string; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'request body is over the size limit' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_request', message: 'empty JSON body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'body is not valid JSON' },
  FST_ERR_VALIDATION: { status: 400, code: 'invalid_request' },
};

export function handleError(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof BeaconError) {
    if (err instanceof UnavailableError || err instanceof TooManyRequestsError || err instanceof StatementTimeoutError) {
      reply.header('Retry-After', String(err.retryAfterSeconds));
    }
    return reply.status(err.status).send(err.toBody());
  }
  const fastifyError = err as FastifyError;
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return reply.status(known.status).send(body(known.code, known.message ?? err.message));
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return reply.status(fastifyError.statusCode).send(body('invalid_request', err.message));
  }
  request.log.error({ err }, 'unhandled error');
  return reply.status(500).send(body('internal', 'internal error; see the server log'));
}

export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.status(404).send(body('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
}

function body(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
