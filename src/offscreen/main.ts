/**
 * Offscreen prover page (reason WORKERS): snarkjs's worker threads run here,
 * which the service worker cannot start. Wires runtime events to modules and
 * keeps only the artifact cache; the worker closes this page when idle.
 */
import { createArtifactCache } from './artifacts.ts';
import { isOffscreenMessage, PROGRESS_PORT_PREFIX, type ProgressEvent } from './messages.ts';
import { handleOffscreenMessage } from './handle-message.ts';
import { isTrustedWorkerSender } from './sender.ts';

const artifacts = createArtifactCache((path) => chrome.runtime.getURL(path));
/** Progress ports by request id, opened by the worker before or after it sends the job. */
const ports = new Map<string, chrome.runtime.Port>();

chrome.runtime.onConnect.addListener((port) => {
  if (!port.name.startsWith(PROGRESS_PORT_PREFIX)) return;
  if (!isTrustedWorkerSender(port.sender, chrome.runtime.id)) return port.disconnect();
  const requestId = port.name.slice(PROGRESS_PORT_PREFIX.length);
  ports.set(requestId, port);
  port.onDisconnect.addListener(() => ports.delete(requestId));
});

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  if (!isOffscreenMessage(message)) return undefined; // not ours: returning nothing lets its addressee answer
  void handleOffscreenMessage(message, sender, {
    runtimeId: chrome.runtime.id,
    loadArtifacts: artifacts.load,
    postProgress: (event: ProgressEvent) => ports.get(event.requestId)?.postMessage(event),
  }).then(sendResponse);
  return true;
});
