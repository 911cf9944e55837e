/**
 * Firefox's background entry (the manifest's `background.scripts`, an event
 * page): the shared wiring with Firefox's adapters. Chrome's entry is index.ts.
 */
import { firefoxProverDeps } from './prover/firefox-deps';
import { startBackground } from './start-background';

startBackground({ proverDeps: () => firefoxProverDeps() });
