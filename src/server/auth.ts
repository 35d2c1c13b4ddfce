// Every /v1 route states the scope it needs; this resolves the caller's key
// to its workspace or throws 401/403.
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { authenticate } from '../access/api-keys.js';
import { AuthError } from '../core/errors.js';
import { requireWorkspace } from '../access/workspaces.js';
import type { KeyScope, Workspace } from '../warehouse/warehouse.js';
import type { ServerContext } from './context.js';

export interface Caller {
  workspace: Workspace;
  scope: KeyScope;
}

export const WORKSPACE_HEADER = 'x-beacon-workspace';

export interface AuthorizeOptions {
  /**
   * Also take the key as HTTP Basic credentials (username = the key, empty
   * password), as Segment's libraries send their write key.
   */
  basic?: boolean;
}

export async function authorize(context: ServerContext, request: FastifyRequest, required: KeyScope, options: AuthorizeOptions = {}): Promise<Caller> {
  if (isLocalToken(context, request)) {
    const name = String(request.headers[WORKSPACE_HEADER] ?? 'default');
    return { workspace: await requireWorkspace(context.warehouse, name), scope: 'admin' };
  }
  const header = request.headers.authorization;
  const secret = bearer(header) ?? (options.basic ? basicUser(header) : undefined);
  if (options.basic && !secret) {
    throw new AuthError('missing write key: send an ingest key as HTTP Basic username with an empty password, or "Authorization: Bearer <key>"');
  }
  const key = await authenticate(context.warehouse, secret, required);
  return { workspace: await requireWorkspace(context.warehouse, key.workspace), scope: key.scope };
}

/** Whether the request carries the server's local token (its own user's other Beacon commands). */
export function isLocalToken(context: ServerContext, request: FastifyRequest): boolean {
  const secret = bearer(request.headers.authorization);
  return secret !== undefined && context.localToken !== undefined && sameSecret(secret, context.localToken);
}

function bearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

/** The username of Basic credentials (the password when the username is empty). */
function basicUser(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!m) return undefined;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  const user = colon < 0 ? text : text.slice(0, colon);
  return user || (colon < 0 ? undefined : text.slice(colon + 1)) || undefined;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
