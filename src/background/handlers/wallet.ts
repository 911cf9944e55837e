import type { Reply } from '../../shared/messages';
import { fail } from '../context';

/** Placeholder until the keyring and lock land (docs/earning.md). */
export const notYet = async (): Promise<Reply<never>> => fail('internal', 'not implemented yet');

export const handleWalletState = notYet;
export const handleOnboard = notYet;
export const handleUnlock = notYet;
export const handleLock = notYet;
export const handleAccountExport = notYet;
export const handleAccountImport = notYet;
