/**
 * The proof scope, mirrored by contracts/lib/ProofScope.sol:
 *   uint256(keccak256(abi.encode(chainId, verifyingContract, poolId, epoch, holder))) >> 8
 * Shifting by 8 bits keeps it below the BN254 field, so the circuit takes it
 * unchanged. A proof made for another chain, contract, pool, epoch or holder
 * carries another scope and fails verification.
 */
import { encodeAbiParameters, keccak256, type Address } from 'viem';

/** Pool id of the SBT mint. */
export const MINT_POOL_ID = 0n;

export interface ScopeParameters {
  chainId: bigint | number;
  verifyingContract: Address;
  poolId: bigint | number;
  epoch: bigint | number;
  holder: Address;
}

export function computeScope(p: ScopeParameters): bigint {
  const encoded = encodeAbiParameters(
    [{ type: 'uint256' }, { type: 'address' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'address' }],
    [BigInt(p.chainId), p.verifyingContract, BigInt(p.poolId), BigInt(p.epoch), p.holder],
  );
  return BigInt(keccak256(encoded)) >> 8n;
}
