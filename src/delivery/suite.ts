/**
 * The one HPKE suite deliveries use (RFC 9180, base mode):
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305. X25519 and
 * ChaCha20-Poly1305 come from @hpke's pure-JS modules, not WebCrypto, so the
 * same code runs in an MV3 service worker (whatever the browser's WebCrypto
 * offers) and in Node 20; HKDF-SHA256 uses WebCrypto, present in both.
 */
import { CipherSuite, HkdfSha256 } from '@hpke/core';
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';

let suite: CipherSuite | undefined;

export function deliverySuite(): CipherSuite {
  suite ??= new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
  return suite;
}
