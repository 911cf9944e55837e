import { describe, expect, it } from 'vitest';
import { classifySender } from '../../src/background/sender';
import { EXTENSION_ORIGIN, RUNTIME_ID } from './helpers/world';

describe('sender trust', () => {
  it('accepts our own pages, in the popup or opened in a tab', () => {
    expect(classifySender({ id: RUNTIME_ID, origin: EXTENSION_ORIGIN }, RUNTIME_ID)).toEqual({ kind: 'extension-page' });
    expect(classifySender({ id: RUNTIME_ID, origin: EXTENSION_ORIGIN, tab: { id: 3 } }, RUNTIME_ID)).toEqual({ kind: 'extension-page' });
  });

  it('accepts a content script in a normal tab with its frame origin', () => {
    expect(classifySender({ id: RUNTIME_ID, origin: 'https://news.example.com', tab: { id: 5, incognito: false }, frameId: 0 }, RUNTIME_ID)).toEqual({
      kind: 'content-script',
      origin: 'https://news.example.com',
      tabId: 5,
      frameId: 0,
    });
  });

  it.each([
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', origin: EXTENSION_ORIGIN }],
    ['no id', { origin: EXTENSION_ORIGIN }],
    ['another extension origin', { id: RUNTIME_ID, origin: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', tab: { id: 1 } }],
    ['no origin', { id: RUNTIME_ID, tab: { id: 1 } }],
    ['incognito tab', { id: RUNTIME_ID, origin: 'https://example.com', tab: { id: 1, incognito: true } }],
    ['web origin without a tab', { id: RUNTIME_ID, origin: 'https://example.com' }],
    ['opaque origin', { id: RUNTIME_ID, origin: 'null', tab: { id: 1 } }],
    ['file origin', { id: RUNTIME_ID, origin: 'file://', tab: { id: 1 } }],
    ['origin with a path', { id: RUNTIME_ID, origin: 'https://example.com/x', tab: { id: 1 } }],
    ['negative tab id (devtools/background)', { id: RUNTIME_ID, origin: 'https://example.com', tab: { id: -1 } }],
  ])('rejects %s', (_name, sender) => {
    expect(classifySender(sender, RUNTIME_ID).kind).toBe('rejected');
  });

  it('never reads sender.url: a lying url changes nothing', () => {
    const sender = { id: RUNTIME_ID, origin: 'https://a.example', tab: { id: 2 }, url: `${EXTENSION_ORIGIN}/src/options/index.html` };
    expect(classifySender(sender, RUNTIME_ID)).toMatchObject({ kind: 'content-script', origin: 'https://a.example' });
  });

  it("in Firefox, trusts the pages of its own moz-extension origin (a per-install UUID, not the add-on id) and no other", () => {
    const id = 'surf-to-earn@surftoearn.dev';
    const origin = 'moz-extension://5e7f2a10-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(classifySender({ id, origin }, id, origin)).toEqual({ kind: 'extension-page' });
    expect(classifySender({ id, origin: 'moz-extension://00000000-0000-4000-8000-000000000000', tab: { id: 1 } }, id, origin).kind).toBe('rejected');
    expect(classifySender({ id, origin: `chrome-extension://${id}` }, id, origin).kind).toBe('rejected');
    expect(classifySender({ id: 'other@example.org', origin }, id, origin).kind).toBe('rejected');
    expect(classifySender({ id, origin: 'https://news.example.com', tab: { id: 4 } }, id, origin)).toMatchObject({ kind: 'content-script' });
  });

  it('rejects everything when the runtime id is unknown', () => {
    expect(classifySender({ id: '', origin: 'chrome-extension://' }, '').kind).toBe('rejected');
  });
});
