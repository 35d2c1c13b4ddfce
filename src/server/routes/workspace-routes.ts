// Settings, freshness, imports and keys of the caller's workspace.
import type { FastifyInstance } from 'fastify';
import { createApiKey } from '../../access/api-keys.js';
import { updateSettings } from '../../access/workspaces.js';
import { NotFoundError } from '../../core/errors.js';
import { authorize } from '../auth.js';
import { jsonObject } from '../json-body.js';
import type { ServerContext } from '../context.js';

export function registerWorkspaceRoutes(app: FastifyInstance, context: ServerContext): void {
  const { warehouse } = context;

  app.get('/v1/settings', async (request) => {
    const caller = await authorize(context, request, 'read');
    return { workspace: caller.workspace.name, settings: caller.workspace.settings };
  });

  app.patch('/v1/settings', async (request) => {
    const caller = await authorize(context, request, 'admin');
    const patch = jsonObject(request.body, 'settings');
    const settings = await updateSettings(warehouse, caller.workspace.name, patch);
    context.scheduler.markDirty(caller.workspace.name);
    return { workspace: caller.workspace.name, settings };
  });

  app.get('/v1/freshness', async (request) => {
    const caller = await authorize(context, request, 'read');
    return { sources: await warehouse.freshness(caller.workspace.name) };
  });

  app.get('/v1/imports', async (request) => {
    const caller = await authorize(context, request, 'read');
    return { imports: await warehouse.listImports(caller.workspace.name) };
  });

  app.delete<{ Params: { id: string } }>('/v1/imports/:id', async (request) => {
    const caller = await authorize(context, request, 'admin');
    if (!(await warehouse.deleteImport(caller.workspace.name, request.params.id))) {
      throw new NotFoundError(`unknown import "${request.params.id}"`);
    }
    context.scheduler.markDirty(caller.workspace.name);
    return { deleted: request.params.id };
  });

  app.get('/v1/keys', async (request) => {
    const caller = await authorize(context, request, 'admin');
    const keys = await warehouse.listKeys(caller.workspace.name);
    return { keys: keys.map(({ hash: _hash, ...rest }) => rest) };
  });

  app.post('/v1/keys', async (request, reply) => {
    const caller = await authorize(context, request, 'admin');
    const body = jsonObject(request.body, 'key');
    const created = await createApiKey(warehouse, caller.workspace.name, String(body.scope ?? ''));
    return reply.status(201).send(created);
  });

  app.delete<{ Params: { id: string } }>('/v1/keys/:id', async (request) => {
    const caller = await authorize(context, request, 'admin');
    if (!(await warehouse.revokeKey(caller.workspace.name, request.params.id))) {
      throw new NotFoundError(`unknown or already revoked key "${request.params.id}"`);
    }
    return { revoked: request.params.id };
  });
}
