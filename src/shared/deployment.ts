import { z } from 'zod';

/**
 * deployments/<chainId>.json: where the contracts of one chain live. One schema
 * for the scripts (which write and read these files) and the extension (which
 * bundles the devnet file and validates a custom network's file), so a stale or
 * hand-edited file fails with a clear message everywhere.
 */
export const addressSchema = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-prefixed 20-byte address');

export const VERIFIER_NAMES = ['EpochVerifier8', 'EpochVerifier256', 'AcceptAllVerifier'] as const;
export type VerifierName = (typeof VERIFIER_NAMES)[number];

export const deploymentSchema = z.object({
  chainId: z.number().int().positive(),
  deploymentBlock: z.number().int().nonnegative(),
  verifier: z.object({
    contract: z.enum(VERIFIER_NAMES),
    /** Leaves per epoch batch the circuit proves (8 test, 256 production; 0 = accepts anything). */
    batchSize: z.number().int().nonnegative(),
  }),
  contracts: z.object({
    verifier: addressSchema,
    dataSbt: addressSchema,
    poolFactory: addressSchema,
    testToken: addressSchema.optional(),
  }),
});
export type Deployment = z.infer<typeof deploymentSchema>;
