// API keys: a random secret shown once, stored only as its SHA-256 hash.
import { createHash } from 'node:crypto';
import { AuthError, ForbiddenError, NotFoundError, ValidationError } from '../core/errors.js';
import { newId, randomToken } from '../core/ids.js';
import type { ApiKeyRecord, KeyScope, MetadataStore } from '../warehouse/warehouse.js';

export const KEY_SCOPES: readonly KeyScope[] = ['ingest', 'read', 'admin'];

export interface CreatedKey {
  id: string;
  key: string;
  scope: KeyScope;
  workspace: string;
}

export function hashKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function isKeyScope(scope: string): scope is KeyScope {
  return (KEY_SCOPES as readonly string[]).includes(scope);
}

/** Creates a key; the returned secret is never stored and cannot be shown again. */
export async function createApiKey(warehouse: MetadataStore, workspace: string, scope: string): Promise<CreatedKey> {
  if (!isKeyScope(scope)) throw new ValidationError(`unknown scope "${scope}"; use one of ${KEY_SCOPES.join(', ')}`);
  if (!(await warehouse.getWorkspace(workspace))) throw new NotFoundError(`unknown workspace "${workspace}"`);
  const key = `bk_${scope}_${randomToken(32)}`;
  const record: ApiKeyRecord = {
    id: newId('key'),
    workspace,
    scope,
    hash: hashKey(key),
    prefix: key.slice(0, scope.length + 7),
    createdAt: new Date().toISOString(),
    revokedAt: null,
  };
  await warehouse.insertKey(record);
  return { id: record.id, key, scope, workspace };
}

/** The scopes that may call a route needing `required`: admin can do everything; read and ingest only their own. */
export function scopeAllows(held: KeyScope, required: KeyScope): boolean {
  return held === 'admin' || held === required;
}

/** Resolves a bearer secret to its active key, or throws 401/403. */
export async function authenticate(warehouse: MetadataStore, secret: string | undefined, required: KeyScope): Promise<ApiKeyRecord> {
  if (!secret) throw new AuthError('missing API key: send "Authorization: Bearer <key>"');
  const key = await warehouse.findKeyByHash(hashKey(secret));
  if (!key || key.revokedAt) throw new AuthError('unknown or revoked API key');
  if (!scopeAllows(key.scope, required)) {
    throw new ForbiddenError(`this route needs a key with scope "${required}" (or admin); this key has scope "${key.scope}"`);
  }
  return key;
}
