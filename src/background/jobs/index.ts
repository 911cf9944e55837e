/** Persisted proof and transaction jobs (docs/earning.md "Jobs"). */
export { JOBS_ALARM, isJobRunning, resumeOpenJobs, runJob } from './runner';
export { openJob, openJobs, recentJobs, toJobView, updateJob, OPEN_STATES } from './job-store';
export { commitmentId, listCommitments, readCommitment } from './commitments';
export { JobError, chainEpoch, chainTime } from './job-chain';
export { ALL_MASK } from './masks';
