import type { ProgressEvent, ProveReply } from '../../offscreen/messages.ts';
import type { CircuitInput } from '../../zk/witness.ts';

/**
 * Where the prover's path away from the background's own thread runs (named
 * 'offscreen' in measurements): the one difference between the browsers in
 * proving. Chrome: the offscreen page with snarkjs's threads (a service worker
 * cannot start threads; offscreen-host.ts). Firefox: a dedicated Worker started
 * by the event page (no offscreen API, but its background can start workers;
 * single-threaded inside, see src/offscreen/worker.ts; worker-host.ts). Both speak the offscreen message contract
 * (src/offscreen/messages.ts) and run the same runProveJob, so a proof answers
 * exactly alike on either path. createProver never asks which browser it is in.
 */
export interface ProveJob {
  requestId: string;
  input: CircuitInput;
  batchSize: number;
}

export interface ThreadHost {
  /**
   * One proof away from the background's own thread. A host that cannot be
   * started or gives no valid answer throws OffscreenTransportError (offscreen-path.ts),
   * so 'auto' falls back to proving in the background.
   */
  prove(job: ProveJob, onEvent: (event: ProgressEvent) => void): Promise<ProveReply>;
  /** For the prover's IDLE_ALARM: frees the host (page, worker) if no job ran for the idle period. */
  closeIfIdle(): Promise<boolean>;
}
