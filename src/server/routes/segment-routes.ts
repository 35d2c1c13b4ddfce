// POST /v1/segment/{batch,track,page,identify,screen,alias}: the Segment HTTP
// Tracking API. The write key (HTTP Basic username) is an ingest key; the calls
// become Beacon events and go the way of POST /v1/events.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../../core/errors.js';
import { inflate } from '../../ingest/body-records.js';
import type { IngestSummary } from '../../ingest/ingest-summary.js';
import { locateSegmentErrors, segmentRecords, type SegmentEndpoint } from '../../ingest/segment/segment-batch.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { ingestEvents } from './ingest-routes.js';

export const SEGMENT_ENDPOINTS: readonly SegmentEndpoint[] = ['batch', 'track', 'page', 'identify', 'screen', 'alias'];

/** Beacon's ingest summary; `success` is what Segment's own API answers. */
export type SegmentIngestResult = IngestSummary & { success: true };

export function registerSegmentRoutes(app: FastifyInstance, context: ServerContext): void {
  for (const endpoint of SEGMENT_ENDPOINTS) {
    app.post(`/v1/segment/${endpoint}`, async (request): Promise<SegmentIngestResult> => {
      const receivedAtMs = Date.now();
      const caller = await authorize(context, request, 'ingest', { basic: true });
      const body = readJson(context, request);
      const mapped = segmentRecords(body, endpoint, {
        events: caller.workspace.settings.segment_events,
        receivedAtMs,
        maxRecords: context.limits.maxBatchRecords,
      });
      const job = {
        body: Buffer.from(JSON.stringify(mapped.records)),
        contentType: 'application/json',
        accept: ['json' as const],
        maxInflatedBytes: context.limits.bodyLimitBytes * 10,
        maxRecords: context.limits.maxBatchRecords,
      };
      const summary = await ingestEvents(context, request, caller.workspace.name, job, (prepared) => locateSegmentErrors(mapped, prepared));
      return { success: true, ...summary };
    });
  }
}

/** The body as JSON whatever its Content-Type (analytics.js sends text/plain), gzip allowed. */
function readJson(context: ServerContext, request: FastifyRequest): unknown {
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  if (raw.length === 0) throw new ValidationError('empty body: send a Segment call or a batch { "batch": [calls] } as JSON');
  const bytes = inflate(raw, {
    contentEncoding: request.headers['content-encoding'] as string | undefined,
    maxInflatedBytes: context.limits.bodyLimitBytes * 10,
  });
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new ValidationError(`body is not valid JSON: ${(err as Error).message}`, undefined, 'invalid_json');
  }
}
