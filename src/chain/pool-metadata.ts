import { z } from 'zod';

/** What a pool's metadata URI carries: who asks for which data and why. */
export const PoolMetadataSchema = z.object({
  name: z.string().min(1).max(80),
  sponsor: z.string().min(1).max(80),
  description: z.string().max(1000).default(''),
  /** Delivery pools: the purpose and terms of use the popup shows before a user consents (docs/delivery.md). */
  terms: z.string().max(1000).optional(),
  /** Delivery pools: the licence the delivered data is used under (a Hugging Face licence id, e.g. cc-by-nc-4.0). */
  license: z.string().max(64).optional(),
});
export type PoolMetadata = z.infer<typeof PoolMetadataSchema>;

const PREFIX = 'data:application/json;base64,';

/** Encode metadata as a self-contained data: URI (no server to trust or keep alive). */
export function encodePoolMetadata(metadata: PoolMetadata): string {
  const json = JSON.stringify(PoolMetadataSchema.parse(metadata));
  return PREFIX + btoa(String.fromCharCode(...new TextEncoder().encode(json)));
}

/** Decode a metadata URI; null when it is not ours or is malformed (shown as "unnamed pool"). */
export function decodePoolMetadata(uri: string): PoolMetadata | null {
  if (!uri.startsWith(PREFIX)) return null;
  try {
    const bytes = Uint8Array.from(atob(uri.slice(PREFIX.length)), (ch) => ch.charCodeAt(0));
    const parsed = PoolMetadataSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not base64 or not JSON: treat as foreign metadata
  }
}
