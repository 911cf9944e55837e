import { CATEGORY_KEYS, categoryMask } from '../../shared/categories';

/** Every category: the mint proves the whole week (DataSBT.MINT_CATEGORY_MASK). */
export const ALL_MASK = categoryMask(CATEGORY_KEYS);

/** Deployment and job fields are validated hex strings; viem wants its template-literal type. */
export const asAddress = (value: unknown): `0x${string}` => String(value) as `0x${string}`;
