// One HTTP POST of a webhook body, over node:http(s) so the connection can be
// pinned to the addresses the target check approved (a `lookup` per request;
// the global fetch takes no such hook without an extra package). Redirects
// are not followed, and the answer's body is not read: only its status and
// Retry-After count.
import type { OutgoingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

export interface WebhookPost {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** Aborts the request (a timeout). */
  readonly signal: AbortSignal;
  /** Resolves the URL's host name; by default the system resolver. */
  readonly lookup?: LookupFunction;
}

export interface WebhookAnswer {
  readonly status: number;
  readonly retryAfter: string | undefined;
}

/** Sends one POST and resolves with the answer's status once its headers arrive; rejects on a network error or an abort. */
export type PostWebhook = (post: WebhookPost) => Promise<WebhookAnswer>;

/** The default `PostWebhook`: node:http or node:https, a fresh connection each time. */
export const postWithNodeHttp: PostWebhook = ({ url, headers, body, signal, lookup }) =>
  new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const requestHeaders: OutgoingHttpHeaders = { ...headers, 'content-length': body.length };
    const request = send(url, { method: 'POST', headers: requestHeaders, signal, agent: false, ...(lookup ? { lookup } : {}) }, (response) => {
      response.resume();
      response.on('error', () => {});
      const retryAfter = response.headers['retry-after'];
      resolve({ status: response.statusCode ?? 0, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
    });
    request.on('error', reject);
    request.end(body);
  });
