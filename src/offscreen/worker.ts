/**
 * Firefox's prover: a dedicated Worker the event page starts (Firefox has no
 * offscreen API, but its background page, unlike Chrome's service worker, can
 * start workers). The same jobs as Chrome's offscreen page (runOffscreenJob):
 * schema, queue, runProveJob; only the channel differs. It proves on its own
 * thread but single-threaded inside: snarkjs (ffjavascript) starts its threads
 * from blob: URLs, which Firefox's extension CSP refuses with an error event
 * that ffjavascript never handles, so a threaded proof would hang. (Measured on
 * 2 cores, the threads did not pay for themselves anyway: docs/earning.md.)
 * Only the background that created this worker can post to it, so there is no
 * sender to check. Uses no extension API: artifacts are fetched from this
 * script's own origin (moz-extension://<uuid>/zk/…).
 */
import { createArtifactCache } from './artifacts.ts';
import { runOffscreenJob } from './handle-message.ts';
import { requestIdSchema, WORKER_REPLY_TYPE, type ProgressEvent, type WorkerReply } from './messages.ts';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const artifacts = createArtifactCache((path) => new URL(`/${path}`, scope.location.href).href);

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  const id = requestIdSchema.safeParse((message as { requestId?: unknown } | null)?.requestId);
  const requestId = id.success ? id.data : '';
  void runOffscreenJob(message, {
    loadArtifacts: artifacts.load,
    singleThread: true,
    postProgress: (progress: ProgressEvent) => scope.postMessage(progress),
  }).then((reply) => scope.postMessage({ type: WORKER_REPLY_TYPE, requestId, reply } satisfies WorkerReply));
});
