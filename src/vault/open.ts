import type { Opener } from '../keyring';
import type { FootprintRecord, FootprintSite, OpenedFootprint } from './schema/footprints';

/**
 * Opens the sites of rows read from the vault. Called outside any Dexie
 * transaction: WebCrypto inside one would commit it early. Throws
 * KeyringError('corrupt') when a box does not open.
 */
export function openFootprints(opener: Opener, rows: readonly FootprintRecord[]): Promise<OpenedFootprint[]> {
  return Promise.all(
    rows.map(async ({ site, ...rest }) => {
      const { host, domain } = await opener.open<FootprintSite>(site);
      return { ...rest, host, domain };
    }),
  );
}
