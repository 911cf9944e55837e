/**
 * Content script entry (named by the manifest; runs at document_idle in the
 * top frame of http(s) pages). It asks the worker first and measures nothing
 * unless the answer is yes; the worker re-checks every footprint anyway.
 * Kept dependency-free: no zod, no polyfill, no classifier (the worker
 * classifies from the origin).
 */
import { startCapture } from './capture';
import { queryCapture } from './messaging';

if (location.protocol === 'http:' || location.protocol === 'https:') {
  void queryCapture().then((capture) => {
    if (capture) startCapture(window, document);
  });
}
