/**
 * The offscreen prover page's lifecycle: created on demand (one creation at a
 * time, however many proofs ask at once), closed after an idle period by an
 * alarm (the worker has no reliable timers). Chrome allows one offscreen
 * document per extension.
 */
export const OFFSCREEN_PATH = 'src/offscreen/index.html';
export const IDLE_ALARM = 'prover-offscreen-idle';

export interface OffscreenApiLike {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

export interface RuntimeContextsLike {
  getURL(path: string): string;
  getContexts(filter: { contextTypes?: string[]; documentUrls?: string[] }): Promise<unknown[]>;
}

export interface AlarmsApiLike {
  create(name: string, info: { delayInMinutes?: number }): Promise<void> | void;
}

export interface OffscreenDocument {
  /** Resolves once the page exists (created now, or already there). */
  ensure(): Promise<void>;
  /** Marks a job started / finished; both (re)schedule the idle check. */
  begin(): void;
  end(): void;
  /** For the IDLE_ALARM: closes the page if no job ran for the idle period; true if it closed. */
  closeIfIdle(): Promise<boolean>;
}

export function createOffscreenDocument(deps: {
  offscreen: OffscreenApiLike;
  runtime: RuntimeContextsLike;
  alarms: AlarmsApiLike;
  now(): number;
  idleMs: number;
}): OffscreenDocument {
  const url = deps.runtime.getURL(OFFSCREEN_PATH);
  let creating: Promise<void> | null = null;
  let inFlight = 0;
  let lastUsed = 0;

  const arm = (ms: number): void => void deps.alarms.create(IDLE_ALARM, { delayInMinutes: ms / 60_000 });
  const exists = async (): Promise<boolean> =>
    (await deps.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length > 0;

  const attempt = async (): Promise<void> => {
    try {
      await deps.offscreen.createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['WORKERS'],
        justification: 'Zero-knowledge proving with worker threads, which a service worker cannot start.',
      });
    } catch (cause) {
      // Another creation won the race (e.g. before a worker restart): the page is there, which is all we need.
      if (!/single offscreen document/i.test(String((cause as Error)?.message ?? cause))) throw cause;
    }
  };
  const create = async (): Promise<void> => {
    if (await exists()) return;
    try {
      await attempt();
    } catch {
      // Seen once on a loaded machine right after start-up: "Page failed to load." One retry, then give up.
      await new Promise((r) => setTimeout(r, 250));
      if (!(await exists())) await attempt();
    }
  };

  return {
    ensure() {
      creating ??= create().finally(() => {
        creating = null;
      });
      return creating;
    },
    begin() {
      inFlight++;
      lastUsed = deps.now();
      // Armed now too: if this worker dies mid-proof, the alarm wakes the next one, which closes the orphaned page.
      arm(deps.idleMs);
    },
    end() {
      inFlight = Math.max(0, inFlight - 1);
      lastUsed = deps.now();
      arm(deps.idleMs);
    },
    async closeIfIdle() {
      if (inFlight > 0) {
        arm(deps.idleMs);
        return false;
      }
      const idleFor = deps.now() - lastUsed;
      if (idleFor < deps.idleMs - 1_000) {
        arm(deps.idleMs - idleFor);
        return false;
      }
      if (creating || !(await exists())) return false;
      await deps.offscreen.closeDocument();
      return true;
    },
  };
}
