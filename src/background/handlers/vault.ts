import type { UiMessage, VaultPage } from '../../shared/messages';
import { deleteVaultData, exportVault, listFootprints } from '../../vault';
import type { WorkerContext } from '../context';

type Msg<T extends UiMessage['type']> = Extract<UiMessage, { type: T }>;

/**
 * The vault page's messages. Extension pages only (the router enforces it),
 * and only while unlocked: `ctx.lock.opener()` throws locked / not_set_up.
 */

/** ui/vault-list: one page of footprints, newest first, sites opened. */
export async function handleVaultList(ctx: WorkerContext, msg: Msg<'ui/vault-list'>): Promise<VaultPage> {
  return listFootprints(ctx.db, await ctx.lock.opener(), msg.offset, msg.limit);
}

/** ui/export: the whole vault and settings as JSON text; the page saves it, nothing is uploaded. */
export async function handleExport(ctx: WorkerContext): Promise<string> {
  const opener = await ctx.lock.opener();
  const settings = await ctx.settings.get();
  return exportVault(ctx.db, opener, { settings, exportedAt: ctx.now() });
}

/**
 * ui/delete-all: erases footprints, frozen commitments and jobs; the schema
 * already required confirm === 'DELETE'. The keyring stays (it holds funds).
 */
export async function handleDeleteAll(ctx: WorkerContext): Promise<{ deleted: number }> {
  await ctx.lock.opener();
  return { deleted: (await deleteVaultData(ctx.db)).footprints };
}
