import {
  PROGRESS_PORT_PREFIX,
  progressEventSchema,
  proveReplySchema,
  type OffscreenProve,
  type ProgressEvent,
  type ProveReply,
} from '../../offscreen/messages.ts';
import { SurfError, type SurfErrorOptions } from '../../shared/errors';
import type { CircuitInput } from '../../zk/witness.ts';
import type { OffscreenDocument } from './offscreen-document.ts';

export interface PortLike {
  onMessage: { addListener(fn: (message: unknown) => void): void };
  disconnect(): void;
}

export interface MessagingLike {
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): PortLike;
}

/** Thrown when the page could not be created or gave no valid answer (the caller may fall back); answers as `internal`. */
export class OffscreenTransportError extends SurfError<'internal'> {
  override name = 'OffscreenTransportError';
  constructor(message: string, options?: SurfErrorOptions) {
    super('internal', message, options);
  }
}

/**
 * One job in the offscreen page: make sure the page exists, open the job's
 * progress Port, send `offscreen/prove`, validate the reply. Progress events
 * arrive on the Port (never on onMessage) and, arriving every ~250 ms, also
 * keep this worker awake while the page proves.
 */
export async function proveInOffscreen(
  doc: OffscreenDocument,
  runtime: MessagingLike,
  job: { requestId: string; input: CircuitInput; batchSize: number },
  onEvent: (event: ProgressEvent) => void,
): Promise<ProveReply> {
  doc.begin();
  let port: PortLike | undefined;
  try {
    try {
      await doc.ensure();
    } catch (cause) {
      throw new OffscreenTransportError(`offscreen document: ${(cause as Error)?.message ?? cause}`, { cause });
    }
    port = runtime.connect({ name: PROGRESS_PORT_PREFIX + job.requestId });
    port.onMessage.addListener((message) => {
      const event = progressEventSchema.safeParse(message);
      if (event.success && event.data.requestId === job.requestId) onEvent(event.data);
    });
    const message: OffscreenProve = { type: 'offscreen/prove', ...job } as OffscreenProve;
    let raw: unknown;
    try {
      raw = await runtime.sendMessage(message);
    } catch (cause) {
      throw new OffscreenTransportError(`offscreen document did not answer: ${(cause as Error)?.message ?? cause}`, { cause });
    }
    const reply = proveReplySchema.safeParse(raw);
    if (!reply.success) throw new OffscreenTransportError('offscreen document gave no valid answer');
    return reply.data;
  } finally {
    port?.disconnect();
    doc.end();
  }
}
