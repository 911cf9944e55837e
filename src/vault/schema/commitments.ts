import type { SealedBox } from '../../keyring';

/**
 * The `commitments` table: the domain-day rows frozen when an epoch is
 * minted, so a later stake proves against exactly the minted root. The rows
 * name sites, so they are sealed like footprints; the root and the points are
 * public once minted.
 */
export interface CommitmentRecord {
  /** `${chainId}:${address}:${epoch}`. */
  id: string;
  chainId: number;
  address: string;
  epoch: number;
  /** The committed root, 0x hex. */
  root: string;
  points: number;
  /** Sealed JSON of the committed DomainDayRow[]. */
  rows: SealedBox;
  createdAt: number;
}

export const COMMITMENTS_INDEXES = {
  /** v4: added with the earning flow. */
  4: 'id, epoch',
} as const;
