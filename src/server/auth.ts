// Every /v1 route states the scope it needs; this resolves the caller's key
// to its workspace or throws 401/403.
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { authenticate } from '../access/api-keys.js';
import { requireWorkspace } from '../access/workspaces.js';
import type { KeyScope, Workspace } from '../warehouse/warehouse.js';
import type { ServerContext } from './context.js';

export interface Caller {
  workspace: Workspace;
  scope: KeyScope;
}

export const WORKSPACE_HEADER = 'x-beacon-workspace';

export async function authorize(context: ServerContext, request: FastifyRequest, required: KeyScope): Promise<Caller> {
  if (isLocalToken(context, request)) {
    const name = String(request.headers[WORKSPACE_HEADER] ?? 'default');
    return { workspace: await requireWorkspace(context.warehouse, name), scope: 'admin' };
  }
  const key = await authenticate(context.warehouse, bearer(request.headers.authorization), required);
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

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
