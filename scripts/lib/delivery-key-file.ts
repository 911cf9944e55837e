/**
 * A pool owner's delivery key file: the X25519 key pair deliveries are sealed to
 * (docs/delivery.md). JSON, written 0600 and never over an existing file; read
 * back only when no one else can read it (like ssh and our signing keys).
 */
import { open, readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Hex } from 'viem';
import { deliveryKeyToHex, generateDeliveryKeyPair } from '../../src/delivery/index.ts';

export const DELIVERY_KEY_KIND = 'surf-to-earn delivery key (X25519, HPKE RFC 9180)';

const hex32 = z.string().regex(/^0x[0-9a-f]{64}$/i, 'expected 0x + 64 hex digits');
const keyFileSchema = z.object({ kind: z.literal(DELIVERY_KEY_KIND), publicKey: hex32, privateKey: hex32 });

export interface DeliveryKeyFile {
  publicKey: Hex;
  privateKey: Hex;
}

export class DeliveryKeyFileError extends Error {
  override name = 'DeliveryKeyFileError';
}

/** Writes a fresh key pair to `path` (0600, refusing to overwrite); returns it. */
export async function writeNewDeliveryKey(path: string): Promise<DeliveryKeyFile> {
  const pair = await generateDeliveryKeyPair();
  const file = { kind: DELIVERY_KEY_KIND, publicKey: deliveryKeyToHex(pair.publicKey), privateKey: deliveryKeyToHex(pair.privateKey) };
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new DeliveryKeyFileError(`${path} already exists: a delivery key is never overwritten (deliveries sealed to it would be lost).`);
    throw err;
  }
  try {
    await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`);
  } finally {
    await handle.close();
  }
  return { publicKey: file.publicKey, privateKey: file.privateKey };
}

/** Reads a key file; a clear error for a missing, loose, malformed or inconsistent one. */
export async function readDeliveryKey(path: string): Promise<DeliveryKeyFile> {
  let text: string;
  try {
    const info = await stat(path);
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
      throw new DeliveryKeyFileError(`${path} can be read by others (mode ${(info.mode & 0o777).toString(8)}): chmod 600 ${path}`);
    }
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof DeliveryKeyFileError) throw err;
    throw new DeliveryKeyFileError(`Cannot read the delivery key ${path}: ${(err as Error).message}`);
  }
  let parsed;
  try {
    parsed = keyFileSchema.safeParse(JSON.parse(text));
  } catch {
    throw new DeliveryKeyFileError(`${path} is not a delivery key file (not JSON); make one with: npm run pool -- keygen --out FILE`);
  }
  if (!parsed.success) throw new DeliveryKeyFileError(`${path} is not a delivery key file: ${z.prettifyError(parsed.error)}`);
  return { publicKey: parsed.data.publicKey.toLowerCase() as Hex, privateKey: parsed.data.privateKey.toLowerCase() as Hex };
}
