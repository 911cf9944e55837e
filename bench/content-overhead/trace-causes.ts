import type { CDPSession } from '@playwright/test';

/** What the extension's content script did on one traced page load (renderer main thread of the page). */
export interface PageCauses {
  /** Compile + top-level evaluation of the content script (EvaluateScript / v8.compile for chrome-extension:// URLs), ms. */
  evalMs: number;
  /** Later calls into the content script (FunctionCall: listeners, timers, callbacks for chrome-extension:// URLs), ms. */
  callbackMs: number;
  /** Number of such calls. */
  calls: number;
  /** Layouts forced synchronously from inside the content script's code (Layout inside one of its calls). */
  forcedLayouts: number;
  /** Style recalculations forced the same way (UpdateLayoutTree inside one of its calls). */
  forcedStyles: number;
  /** Time in those forced layouts and style recalcs, ms. */
  forcedMs: number;
}

/** Trace categories for the cause figures: the DevTools timeline (script, layout, style) and V8 execution. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8'].join(',');

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; beginData?: { url?: string; frame?: string } };
}

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/**
 * Reads the causes from a trace: the page's renderer main thread is the
 * CrRendererMain thread of the process that parsed `pageUrl`; on it, every
 * complete event of a chrome-extension:// script is the content script's, and
 * a Layout or UpdateLayoutTree nested inside one is forced by it.
 */
export function causesFromTrace(events: TraceEvent[], pageUrl: string): PageCauses {
  const out: PageCauses = { evalMs: 0, callbackMs: 0, calls: 0, forcedLayouts: 0, forcedStyles: 0, forcedMs: 0 };
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(pageUrl.split('?')[0]));
  if (!parse) return out;
  const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && typeof e.dur === 'number');
  const isExt = (e: TraceEvent) => (e.args?.data?.url ?? '').startsWith('chrome-extension://');
  const ours = main.filter((e) => isExt(e) && (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile'));
  // Outermost intervals only (a compile inside an evaluation is counted once).
  const outer = ours.filter((e) => !ours.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && (o.ts < e.ts || o.dur! > e.dur!)));
  for (const e of outer) {
    if (e.name === 'FunctionCall') {
      out.callbackMs += e.dur! / 1000;
      out.calls++;
    } else out.evalMs += e.dur! / 1000;
  }
  for (const e of main) {
    if (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') continue;
    if (!outer.some((o) => o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur!)) continue;
    if (e.name === 'Layout') out.forcedLayouts++;
    else out.forcedStyles++;
    out.forcedMs += e.dur! / 1000;
  }
  return out;
}
