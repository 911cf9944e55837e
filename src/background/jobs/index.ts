/** Persisted proof and transaction jobs (docs/earning.md "Jobs"). */
export { JOBS_ALARM, resumeOpenJobs, runJob } from './runner';
export { toJobView } from './job-view';
export { ownedTokens, readCommitment, type OwnedToken } from './commitments';
export { JobError, chainEpoch, chainTime } from './job-chain';
