/**
 * Chrome's background entry (the manifest's `background.service_worker`): the
 * shared wiring with Chrome's adapters. Firefox's entry is firefox.ts.
 */
import { chromeProverDeps } from './prover';
import { startBackground } from './start-background';

startBackground({ proverDeps: () => chromeProverDeps() });
