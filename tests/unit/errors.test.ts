import { BaseError as ViemBaseError } from 'viem';
import { describe, expect, it } from 'vitest';
import { ChainError } from '../../src/chain/errors';
import { JobError } from '../../src/background/jobs';
import { NetworkError } from '../../src/background/network';
import { OffscreenTransportError } from '../../src/background/prover/offscreen-path';
import { ProverError } from '../../src/background/prover';
import { KeyringError } from '../../src/keyring';
import { ArtifactError } from '../../src/offscreen/artifacts';
import { errorCodeSchema } from '../../src/shared/error-codes';
import { SurfError, walkErrors } from '../../src/shared/errors';
import { toReplyError } from '../../src/shared/reply-error';
import { VaultError } from '../../src/vault';
import { ZkError } from '../../src/zk/errors';

describe('one error base', () => {
  it('every error class extends SurfError and keeps its name', () => {
    const all = [
      new KeyringError('locked'),
      new VaultError('storage_full', 'full'),
      new ChainError('Mint: reverted'),
      new JobError('not_eligible', 'no'),
      new NetworkError('not_devnet', 'no'),
      new OffscreenTransportError('gone'),
      new ProverError('artifact_unavailable', 'missing'),
      new ZkError('out-of-range', 'too big'),
      new ArtifactError('zk/x.zkey: HTTP 404'),
    ];
    expect(all.map((e) => e instanceof SurfError && e instanceof Error)).toEqual(all.map(() => true));
    expect(all.map((e) => e.name)).toEqual([
      'KeyringError', 'VaultError', 'ChainError', 'JobError', 'NetworkError', 'OffscreenTransportError', 'ProverError', 'ZkError', 'ArtifactError',
    ]);
    for (const e of all) expect(errorCodeSchema.options).toContain(e.replyCode);
  });

  it('walk follows causes: the first match, or the innermost', () => {
    const root = new DOMException('quota', 'QuotaExceededError');
    const err = new VaultError('internal', 'saving failed', { cause: new Error('tx aborted', { cause: root }) });
    expect(err.walk()).toBe(root);
    expect(err.walk((e) => e instanceof DOMException)).toBe(root);
    expect(walkErrors(err, () => false)).toBeUndefined();
  });
});

describe('toReplyError', () => {
  it('maps our errors to their reply code and short message, finer library codes to internal', () => {
    expect(toReplyError(new KeyringError('wrong_password'))).toEqual({ code: 'wrong_password', message: 'incorrect password' });
    expect(toReplyError(new KeyringError('corrupt')).code).toBe('internal');
    expect(toReplyError(new JobError('nothing_to_mint', 'Week 3 has no points to prove.'))).toEqual({ code: 'nothing_to_mint', message: 'Week 3 has no points to prove.' });
    expect(toReplyError(new NetworkError('network_unavailable', 'down')).code).toBe('network_unavailable');
    expect(toReplyError(new ProverError('artifact_unavailable', 'missing')).code).toBe('internal');
    expect(toReplyError(new ZkError('witness-failed', 'bad')).code).toBe('internal');
  });

  it('tells a chain that refused from a node that did not answer', () => {
    expect(toReplyError(new ChainError('Stake: The contract reverted with X.', { revertName: 'X' })).code).toBe('chain_error');
    expect(toReplyError(new ChainError('Mint data token: transaction 0x1 reverted')).code).toBe('chain_error');
    expect(toReplyError(new ChainError('Read pool: HTTP request failed.')).code).toBe('network_unavailable');
    expect(toReplyError(new ViemBaseError('HTTP request failed.'))).toEqual({ code: 'network_unavailable', message: 'HTTP request failed.' });
  });

  it('storage quota is storage_full, also wrapped; anything else is internal without its own message', () => {
    const quota = new DOMException('over quota', 'QuotaExceededError');
    expect(toReplyError(quota, 'ui/settings-update').code).toBe('storage_full');
    expect(toReplyError({ name: 'AbortError', inner: quota }, 'saving').code).toBe('storage_full');
    expect(toReplyError(new Error('secret 0xdeadbeef leaked'), 'ui/export')).toEqual({ code: 'internal', message: 'ui/export failed' });
    expect(toReplyError('a string')).toEqual({ code: 'internal', message: 'request failed' });
  });

  it('never puts details into the reply', () => {
    const err = new JobError('internal', 'Something went wrong.', { details: 'row 7 had key material' });
    expect(err.details).toBe('row 7 had key material');
    expect(toReplyError(err)).toEqual({ code: 'internal', message: 'Something went wrong.' });
  });
});
