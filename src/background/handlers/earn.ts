import { notYet } from './wallet';

export const handleEarnState = notYet;
export const handleProveNow = notYet;
export const handlePools = notYet;
export const handleStakePreview = notYet;
export const handleStake = notYet;
export const handleUnstake = notYet;
export const handleClaim = notYet;
export const handleExit = notYet;
export const handleJob = notYet;
