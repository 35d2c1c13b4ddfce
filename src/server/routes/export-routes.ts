// Data out: GET /v1/export (a source's rows), POST /v1/export (a metric
// query's rows), both as CSV or Parquet downloads streamed to the client; and
// POST /v1/sql, read-only SQL over the workspace's views. All take a read
// key: they read only the key's own workspace, as every other read does
// (POST /v1/sql too: its views hold only that workspace's rows, whatever the
// statement names).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { exportQuery, exportSource } from '../../export/export-service.js';
import type { ExportFile } from '../../export/export-format.js';
import { runSql } from '../../export/sql-service.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonObject } from '../json-body.js';

function sendFile(reply: FastifyReply, file: ExportFile): FastifyReply {
  const name = file.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${name}"`).send(file.stream);
}

export function registerExportRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/v1/export', async (request, reply) => {
    const caller = await authorize(context, request, 'read');
    const { source, format } = request.query as Record<string, string | undefined>;
    const file = await context.queries.run(caller.workspace.name, () => exportSource(context.warehouse, caller.workspace, source, format));
    return sendFile(reply, file);
  });

  app.post('/v1/export', async (request, reply) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'export');
    const file = await context.queries.run(caller.workspace.name, () => exportQuery(context.services, caller.workspace, body));
    return sendFile(reply, file);
  });

  app.post('/v1/sql', async (request) => {
    const caller = await authorize(context, request, 'read');
    const body = jsonObject(request.body, 'sql');
    return context.queries.run(caller.workspace.name, () => runSql(context.warehouse, caller.workspace, body));
  });
}
