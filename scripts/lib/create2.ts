/**
 * Deterministic addresses through the standard deterministic-deployment proxy
 * (github.com/Arachnid/deterministic-deployment-proxy): a contract's address is
 * keccak256(0xff ‖ proxy ‖ salt ‖ keccak256(initCode)), so the same build (and the
 * same constructor arguments) lands on the same address on every chain. The proxy
 * itself was deployed by a one-time presigned transaction, so it sits at the same
 * address everywhere it exists; anvil predeploys it.
 */
import {
  concat, encodeDeployData, getContractAddress, keccak256, parseGwei, recoverTransactionAddress, serializeTransaction,
  stringToHex, type Abi, type Address, type Hex,
} from 'viem';

export const CREATE2_PROXY: Address = '0x4e59b44847b379578588920ca78fbf26c0b4956c';

/**
 * One salt for the whole project: change it only to move every address at once.
 * DataSBT.DEPLOY_SALT mirrors it (the SBT trusts the factory at its CREATE2 address with this salt).
 */
export const CREATE2_SALT: Hex = keccak256(stringToHex('surf-to-earn/deploy/v1'));

/** The proxy's runtime code: calldata is salt ‖ initCode, it returns the 20-byte address or reverts. */
export const CREATE2_PROXY_RUNTIME: Hex =
  '0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf3';

/** Init code of the proxy: copies the runtime above into memory and returns it. */
const PROXY_INIT_PREFIX: Hex = '0x604580600e600039806000f350fe';

/** The one-time account that signed the proxy's deployment (no one holds its key: r = s = 0x22…22). */
export const CREATE2_PROXY_SIGNER: Address = '0x3fab184622dc19b6109349b94811493bf2a45362';

const PROXY_TX = { nonce: 0, gasPrice: parseGwei('100'), gas: 100_000n } as const;

/** What the proxy's signer must hold before its transaction can be broadcast: gas × gas price (0.01 ETH). */
export const CREATE2_PROXY_DEPLOY_COST = PROXY_TX.gas * PROXY_TX.gasPrice;

/**
 * The published presigned transaction that deploys the proxy, rebuilt from its fields
 * (pre-EIP-155, so valid on any chain whose nodes accept unprotected transactions).
 * Throws if it does not recover to the published signer or create the proxy's address:
 * the bytes are checked, never trusted.
 */
export async function proxyDeploymentTransaction(): Promise<Hex> {
  const r: Hex = `0x${'22'.repeat(32)}`;
  const serialized = serializeTransaction(
    { type: 'legacy', ...PROXY_TX, data: concat([PROXY_INIT_PREFIX, CREATE2_PROXY_RUNTIME]) },
    { r, s: r, v: 27n },
  );
  const signer = await recoverTransactionAddress({ serializedTransaction: serialized as never });
  const created = getContractAddress({ from: signer, nonce: 0n });
  if (signer.toLowerCase() !== CREATE2_PROXY_SIGNER || created.toLowerCase() !== CREATE2_PROXY) {
    throw new Error(`The rebuilt proxy transaction recovers to ${signer} and creates ${created}: not the published one.`);
  }
  return serialized;
}

/** Creation code plus ABI-encoded constructor arguments: what the proxy runs. */
export function initCodeOf(abi: Abi, bytecode: Hex, args: readonly unknown[]): Hex {
  return args.length === 0 ? bytecode : encodeDeployData({ abi, bytecode, args } as never);
}

/** Where the proxy puts `initCode` (with the project salt unless told). */
export function create2Address(initCode: Hex, salt: Hex = CREATE2_SALT): Address {
  return getContractAddress({ opcode: 'CREATE2', from: CREATE2_PROXY, salt, bytecode: initCode });
}

/** Calldata for the proxy: salt ‖ initCode. */
export function create2Calldata(initCode: Hex, salt: Hex = CREATE2_SALT): Hex {
  return concat([salt, initCode]);
}
