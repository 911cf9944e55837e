export { createLockService, TOUCH_INTERVAL_MS, type LockServiceOptions, type WorkerLockService } from './lock-service';
export { AUTO_LOCK_ALARM, KEYRING_KEY, UNLOCK_KEY, type LockAlarms, type RemovableStorageArea } from './storage';
