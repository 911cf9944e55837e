import { notYet } from './wallet';

export const handleNetworkGet = notYet;
export const handleNetworkSet = notYet;
export const handleBalances = notYet;
export const handleFaucet = notYet;
