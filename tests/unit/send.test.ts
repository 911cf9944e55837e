import { describe, expect, it } from 'vitest';
import { sendUiMessage } from '../../src/shared/send';
import { createRouter } from '../../src/background/router';
import { extensionPage, makeWorld, RUNTIME_ID } from './helpers/world';

describe('sendUiMessage', () => {
  it('returns the worker reply through a transport', async () => {
    const { ctx } = makeWorld();
    const route = createRouter(ctx, RUNTIME_ID);
    const reply = await sendUiMessage((m) => route(m, extensionPage), { type: 'ui/settings-get' });
    expect(reply.ok && reply.data.retentionDays).toBe(90);
  });

  it('never rejects: transport failures and malformed replies become internal errors', async () => {
    const thrown = await sendUiMessage(() => Promise.reject(new Error('no receiver')), { type: 'ui/export' });
    expect(thrown).toMatchObject({ ok: false, error: { code: 'internal' } });
    const garbage = await sendUiMessage(async () => 'hello', { type: 'ui/export' });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'internal' } });
    const missing = await sendUiMessage(async () => undefined, { type: 'ui/export' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
