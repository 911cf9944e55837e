import { useEffect, useState } from 'preact/hooks';
import { KNOWN_NETWORKS, knownNetworkByChainId, type NetworkSetting } from '../shared/network';
import { getNetwork, setNetwork, type NetworkInfo } from '../ui/api';
import { BusyButton } from '../ui/components/busy-button';
import { ErrorView, Loading } from '../ui/components/state-views';
import { errorMessage, t } from '../ui/i18n';
import { networkName } from '../ui/network-name';
import { useResult } from '../ui/use-result';
import { parseCustomNetwork, type CustomNetworkParse } from './network-form';
import { releaseRpcAccess, requestRpcAccess, sameRpcOrigin } from './rpc-permission';

type Failure = Extract<CustomNetworkParse, { ok: false }>;
/** The form's choice: the devnet, a built-in testnet by name, or any RPC URL. */
type Choice = 'devnet' | 'known' | 'custom';

/**
 * Which chain the extension uses: the bundled local devnet (default), a known
 * testnet (its public RPC suggested) or a custom RPC URL, each of the last two
 * with its deployments file, pasted or picked from disk. The form is checked
 * here first (inline errors); then, in the same click, access to the node's
 * origin is asked for (optional host permission); only if granted does the
 * worker check the node's chain id and store the setting. The origin of a
 * network no longer used is given back.
 */
export function NetworkSection() {
  const [loaded, reload] = useResult(getNetwork);
  const [saved, setSaved] = useState<NetworkInfo | null>(null);
  const info = saved ?? (loaded.state === 'ready' ? loaded.data : null);
  const [choice, setChoice] = useState<Choice>('devnet');
  const [knownId, setKnownId] = useState<string>(KNOWN_NETWORKS[0].id);
  const [rpcUrl, setRpcUrl] = useState('');
  const [deployment, setDeployment] = useState('');
  const [invalid, setInvalid] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'danger'; text: string; code?: string } | null>(null);
  const known = KNOWN_NETWORKS.find((n) => n.id === knownId) ?? KNOWN_NETWORKS[0];

  useEffect(() => {
    if (!info) return;
    if (info.setting.kind === 'devnet') {
      setChoice('devnet');
      return;
    }
    const match = knownNetworkByChainId(info.chainId);
    setChoice(match ? 'known' : 'custom');
    if (match) setKnownId(match.id);
    setRpcUrl(info.setting.rpcUrl);
    setDeployment(JSON.stringify(info.setting.deployment, null, 2));
  }, [info]);

  const chooseKnown = (id: string) => {
    const next = KNOWN_NETWORKS.find((n) => n.id === id);
    if (!next) return;
    setKnownId(id);
    setRpcUrl(next.rpcUrl);
  };

  const pickFile = async (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    setDeployment(await file.text());
    setInvalid((v) => (v ? { ...v, deploymentError: undefined } : v));
  };

  /** The previous network's RPC, if it was custom and its origin is not the one now in use. */
  const releaseUnused = async (before: NetworkInfo | null, now: NetworkSetting) => {
    if (before?.setting.kind !== 'custom') return;
    if (now.kind === 'custom' && sameRpcOrigin(before.setting.rpcUrl, now.rpcUrl)) return;
    await releaseRpcAccess(before.setting.rpcUrl);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    let network: NetworkSetting;
    if (choice === 'devnet') network = { kind: 'devnet' };
    else {
      const parsed = parseCustomNetwork(rpcUrl, deployment, choice === 'known' ? known.chainId : undefined);
      if (!parsed.ok) {
        setInvalid(parsed);
        document.getElementById(parsed.rpcError ? 'network-rpc' : 'network-deployment')?.focus();
        return;
      }
      network = parsed.network;
    }
    setInvalid(null);
    setBusy(true);
    const before = info;
    // Asked for first, inside this click: permissions.request needs the user gesture.
    if (network.kind === 'custom' && !(await requestRpcAccess(network.rpcUrl))) {
      setBusy(false);
      setStatus({ tone: 'danger', text: t('network_permission_denied'), code: 'permission_denied' });
      return;
    }
    const result = await setNetwork(network);
    setBusy(false);
    if (result.ok) {
      setSaved(result.data);
      setStatus({ tone: 'ok', text: t('network_saved', result.data.chainId) });
      await releaseUnused(before, network);
    } else {
      setStatus({ tone: 'danger', text: errorMessage(result.error.code), code: result.error.code });
      // Refused (wrong chain, node down): give back an origin granted for this attempt only.
      const current = before?.setting.kind === 'custom' ? before.setting.rpcUrl : undefined;
      if (network.kind === 'custom' && !(current && sameRpcOrigin(current, network.rpcUrl))) await releaseRpcAccess(network.rpcUrl);
    }
  };

  const deploymentError = invalid?.deploymentError;
  return (
    <section class="card" aria-labelledby="network-heading" data-testid="network-section" data-kind={info?.setting.kind}
      data-chain-id={info?.chainId}>
      <h2 id="network-heading">{t('options_network_title')}</h2>
      <p class="section-intro">{t('options_network_intro')}</p>
      {!info && loaded.state === 'loading' && <Loading testId="network-loading" />}
      {!info && loaded.state === 'error' && <ErrorView error={loaded.error} onRetry={() => void reload()} testId="network-load-error" />}
      {info && <CurrentNetwork info={info} />}
      <form class="stack" onSubmit={(e) => void submit(e)} noValidate style={{ marginTop: '16px' }}>
        <fieldset class="choice-group">
          <legend>{t('options_network_choose')}</legend>
          <ChoiceRadio value="devnet" current={choice} onChoose={setChoice} title={t('network_devnet')} help={t('options_network_devnet_help')} />
          <ChoiceRadio value="known" current={choice} onChoose={(c) => { setChoice(c); if (!rpcUrl) setRpcUrl(known.rpcUrl); }}
            title={t('network_known')} help={t('options_network_known_help')} />
          <ChoiceRadio value="custom" current={choice} onChoose={setChoice} title={t('network_custom')} help={t('options_network_custom_help')} />
        </fieldset>
        {choice === 'known' && (
          <div class="field">
            <label for="network-known">{t('options_network_known_select')}</label>
            <select id="network-known" value={knownId} onChange={(e) => chooseKnown((e.target as HTMLSelectElement).value)}
              data-testid="network-known-select">
              {KNOWN_NETWORKS.map((n) => (
                <option key={n.id} value={n.id}>{t('options_network_known_option', [n.name, String(n.chainId)])}</option>
              ))}
            </select>
            <p class="small muted">{t('options_network_known_rpc_help', known.rpcUrl)}</p>
          </div>
        )}
        {choice !== 'devnet' && (
          <div class="stack custom-network">
            <div class="field">
              <label for="network-rpc">{t('options_network_rpc')}</label>
              <input id="network-rpc" type="url" inputMode="url" placeholder="https://" value={rpcUrl} spellcheck={false}
                onInput={(e) => setRpcUrl((e.target as HTMLInputElement).value)} aria-invalid={invalid?.rpcError ? 'true' : 'false'}
                aria-describedby={invalid?.rpcError ? 'network-rpc-error' : undefined} data-testid="network-rpc" />
              {invalid?.rpcError && <p id="network-rpc-error" class="field-error" data-testid="network-rpc-error">{t('network_error_rpc')}</p>}
            </div>
            <div class="field">
              <label for="network-deployment">{t('options_network_deployment')}</label>
              <p id="network-deployment-help" class="small muted">{t('options_network_deployment_help')}</p>
              <textarea id="network-deployment" value={deployment} spellcheck={false} rows={8}
                onInput={(e) => setDeployment((e.target as HTMLTextAreaElement).value)}
                aria-invalid={deploymentError ? 'true' : 'false'}
                aria-describedby={deploymentError ? 'network-deployment-error' : 'network-deployment-help'} data-testid="network-deployment" />
              {deploymentError && (
                <p id="network-deployment-error" class="field-error" data-testid="network-deployment-error">
                  {deploymentError.key === 'network_error_json' ? t('network_error_json')
                    : deploymentError.key === 'network_error_empty' ? t('network_error_empty')
                    : deploymentError.key === 'network_error_chain_mismatch'
                      ? t('network_error_chain_mismatch', [deploymentError.field ?? '', String(known.chainId)])
                    : t('network_error_deployment', deploymentError.field ?? '')}
                </p>
              )}
              <div class="row">
                <label class="btn btn-small file-button">
                  {t('options_network_pick_file')}
                  <input type="file" accept=".json,application/json" class="visually-hidden" onChange={(e) => void pickFile(e)}
                    data-testid="network-file" />
                </label>
              </div>
            </div>
          </div>
        )}
        <div>
          <BusyButton type="submit" class="btn btn-primary" busy={busy} data-testid="network-save">
            {t('action_save')}
          </BusyButton>
        </div>
        {choice !== 'devnet' && <p class="small muted" data-testid="network-permission-help">{t('options_network_permission_help')}</p>}
        <p role="status" aria-live="polite" class={status?.tone === 'danger' ? 'field-error' : 'small muted'} data-testid="network-status"
          data-tone={status?.tone} data-error-code={status?.code}>
          {status?.text ?? ''}
        </p>
      </form>
    </section>
  );
}

function ChoiceRadio(props: { value: Choice; current: Choice; onChoose: (c: Choice) => void; title: string; help: string }) {
  return (
    <label class="choice">
      <input type="radio" name="network-kind" value={props.value} checked={props.current === props.value}
        onChange={() => props.onChoose(props.value)} data-testid={`network-${props.value}`} />
      <span>
        <strong>{props.title}</strong>
        <span class="small muted">{props.help}</span>
      </span>
    </label>
  );
}

function CurrentNetwork({ info }: { info: NetworkInfo }) {
  const rows: [string, string, string][] = [
    [t('options_network_dataSbt'), info.contracts.dataSbt, 'network-contract-dataSbt'],
    [t('options_network_poolFactory'), info.contracts.poolFactory, 'network-contract-poolFactory'],
  ];
  if (info.contracts.testToken) rows.push([t('options_network_testToken'), info.contracts.testToken, 'network-contract-testToken']);
  return (
    <div class="network-current" data-testid="network-current" data-chain-id={info.chainId}>
      <dl class="facts facts-grid">
        <div>
          <dt>{t('options_network_current')}</dt>
          <dd data-testid="network-name">{networkName(info)}</dd>
        </div>
        <div>
          <dt>{t('options_network_chain_id')}</dt>
          <dd class="num" data-testid="network-chain-id">{info.chainId}</dd>
        </div>
        <div class="span-2">
          <dt>{t('options_network_rpc')}</dt>
          <dd><code class="break">{info.rpcUrl}</code></dd>
        </div>
        {rows.map(([label, address, testId]) => (
          <div class="span-2" key={testId}>
            <dt>{label}</dt>
            <dd><code class="break" data-testid={testId}>{address}</code></dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
