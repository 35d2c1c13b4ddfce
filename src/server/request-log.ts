// What the server logs of a request: one line once it is answered (method,
// URL with secrets redacted by the `req` serializer, status, time, request id),
// instead of Fastify's two (one on arrival, one on completion).
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export class RequestLog extends LogController {
  override incomingRequest(): void {
    // The completion line says everything the arrival line would.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    // error: the response itself failed (the connection broke while it was sent).
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
