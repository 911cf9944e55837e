import type { UiMessage, VaultPage } from '../../shared/messages';
import { deleteAllFootprints, exportVault, listFootprints } from '../../vault';
import type { WorkerContext } from '../context';

type Msg<T extends UiMessage['type']> = Extract<UiMessage, { type: T }>;

/** ui/vault-list: one page of footprints, newest first. Extension pages only (the router enforces it). */
export const handleVaultList = (ctx: WorkerContext, msg: Msg<'ui/vault-list'>): Promise<VaultPage> =>
  listFootprints(ctx.db, msg.offset, msg.limit);

/** ui/export: the whole vault and settings as JSON text; the page saves it, nothing is uploaded. */
export async function handleExport(ctx: WorkerContext): Promise<string> {
  const settings = await ctx.settings.get();
  return exportVault(ctx.db, { settings, exportedAt: ctx.now() });
}

/** ui/delete-all: erases every footprint; the schema already required confirm === 'DELETE'. */
export async function handleDeleteAll(ctx: WorkerContext): Promise<{ deleted: number }> {
  return { deleted: await deleteAllFootprints(ctx.db) };
}
