import { SurfError, type SurfErrorOptions } from '../shared/errors';
import { artifactNames } from '../zk/artifacts.ts';

/** A batch's wasm and zkey as bytes, fetched from the extension package. */
export interface LoadedArtifacts {
  wasm: Uint8Array;
  zkey: Uint8Array;
}

/** A circuit artifact that could not be fetched (the offscreen reply code `artifact_unavailable`). */
export class ArtifactError extends SurfError<'artifact_unavailable'> {
  override name = 'ArtifactError';
  constructor(message: string, options?: SurfErrorOptions) {
    super('artifact_unavailable', message, options);
  }
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new ArtifactError(`${url}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  } catch (cause) {
    throw cause instanceof ArtifactError ? cause : new ArtifactError(`${url}: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

/**
 * Loads each batch's artifacts once and keeps them in memory for the page's
 * life (the zkey of the production batch is ~57 MB: fetching it again per
 * proof would cost more than the witness). A failed load is forgotten, so the
 * next call retries.
 */
export interface ArtifactCache {
  load(batchSize: number): Promise<LoadedArtifacts>;
  /** Drops every batch (memory back to the browser; the next load fetches again). */
  clear(): void;
}

export function createArtifactCache(resolveUrl: (path: string) => string): ArtifactCache {
  const cache = new Map<number, Promise<LoadedArtifacts>>();
  const load = (batchSize: number): Promise<LoadedArtifacts> => {
    let hit = cache.get(batchSize);
    if (!hit) {
      const names = artifactNames(batchSize);
      hit = Promise.all([fetchBytes(resolveUrl(`zk/${names.wasm}`)), fetchBytes(resolveUrl(`zk/${names.zkey}`))]).then(
        ([wasm, zkey]) => ({ wasm, zkey }),
      );
      hit.catch(() => cache.delete(batchSize));
      cache.set(batchSize, hit);
    }
    return hit;
  };
  return { load, clear: () => cache.clear() };
}
