/**
 * Content script entry. The worker registers it (src/background/capture-script.ts)
 * only while capture is on, so it starts measuring at document_idle in the top
 * frame of http(s) pages without asking first: no message, and so no
 * extension binding, on the page's load path (docs/privacy.md). The worker
 * re-checks every footprint (pause, site rules, categories) and the first
 * refusal stops capture on this page. Kept dependency-free: no zod, no
 * polyfill, no classifier (the worker classifies from the origin).
 */
import { startCapture } from './capture';

// Only `window` here: the registration matches http(s) top frames already (src/background/capture-script.ts),
// and the document is first read at the first flush (src/content/capture.ts).
startCapture(window);
