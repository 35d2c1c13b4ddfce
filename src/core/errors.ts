// Typed errors: each knows its error code and HTTP status. A BeaconError is the
// caller's fault (4xx) or an unavailable dependency (503); anything else is a bug (500).

export interface ErrorBody {
  /** request_id: the id of the request in the server's log lines (and its X-Request-Id header). */
  error: { code: string; message: string; details?: unknown; request_id?: string };
}

export class BeaconError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }
}

/** 400: the request is malformed (body does not parse, unknown id, bad range). */
export class ValidationError extends BeaconError {
  constructor(message: string, details?: unknown, code = 'invalid_request') {
    super(400, code, message, details);
  }
}

/** 401: no key or an unknown/revoked key. */
export class AuthError extends BeaconError {
  constructor(message = 'missing or unknown API key') {
    super(401, 'unauthorized', message);
  }
}

/** 403: the key is valid but its scope does not allow the route. */
export class ForbiddenError extends BeaconError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

/** 404: unknown route or resource (another workspace's resources are unknown too). */
export class NotFoundError extends BeaconError {
  constructor(message: string, details?: unknown) {
    super(404, 'not_found', message, details);
  }
}

/** 409: the resource already exists or is in a conflicting state. */
export class ConflictError extends BeaconError {
  constructor(message: string, details?: unknown) {
    super(409, 'conflict', message, details);
  }
}

/** 413: body over the size limit or batch over the record limit. */
export class PayloadTooLargeError extends BeaconError {
  constructor(message: string) {
    super(413, 'payload_too_large', message);
  }
}

/** 422: well-formed but impossible (unsupported dimension, too little data). */
export class QueryError extends BeaconError {
  constructor(message: string, details?: unknown) {
    super(422, 'unprocessable', message, details);
  }
}

/** 429: the key sent more requests than its rate allows, or its workspace has too many queries running. */
export class TooManyRequestsError extends BeaconError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(429, 'too_many_requests', message);
  }
}

/** 503: a statement ran past the warehouse's time limit and was stopped. */
export class StatementTimeoutError extends BeaconError {
  constructor(
    readonly timeoutMs: number,
    readonly retryAfterSeconds = 5,
  ) {
    super(503, 'timeout', `the query ran longer than ${timeoutMs / 1000} s and was stopped; narrow its range, grain or dimensions`, { timeout_ms: timeoutMs });
  }
}

/** 507: the warehouse's disk is full (or its files cannot be written); nothing of the request was stored. */
export class StorageFullError extends BeaconError {
  readonly retryAfterSeconds = 60;

  /** reason: what the disk said, e.g. 'the disk is full'. */
  constructor(readonly reason: string) {
    super(507, 'storage_full', `the database could not store this request (${reason}); nothing of it was stored: free space and send it again`);
  }
}

/** 503: the warehouse cannot be reached or is locked by another process. */
export class UnavailableError extends BeaconError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(503, 'unavailable', message);
  }
}
