import { ArrowLeftRight, CircleCheck, LoaderCircle, Send } from 'lucide-react';
import { useId, useState } from 'react';
import type { AccountView } from '../../shared/accounts';
import type { FindingFix, TxReview } from '../../shared/review';
import type { FeeChoice, SendDraft } from '../../shared/tx';
import { AccountSelect } from '../accounts/AccountSelect';
import { NoAccountsPage } from '../accounts/NoAccountsPage';
import { accountName, useAccounts } from '../accounts/useAccounts';
import { Callout } from '../controls/Callout';
import { ErrorNote } from '../controls/ErrorNote';
import { NetworkSelect } from '../controls/NetworkSelect';
import { SegmentedControl } from '../controls/SegmentedControl';
import { Select } from '../controls/Select';
import { Page } from '../screens/Page';
import { useAction } from '../session/useAction';
import { useCallResult } from '../session/useCallResult';
import { useWallet } from '../session/WalletContext';
import { CallDataField } from './CallDataField';
import { RecentTransactions } from './RecentTransactions';
import { ReviewPanel } from './ReviewPanel';
import { RecipientPreview } from './RecipientPreview';
import { speedSegments } from './speedSegments';
import './SendPage.css';

const LEDE = 'Send coins and tokens with the fee shown up front and every detail confirmed on your device.';

const AMOUNT = /^\d{1,30}(\.\d{1,36})?$/;
const GWEI = /^\d{1,12}(\.\d{1,9})?$/;
const CALL_DATA = /^0x(?:[0-9a-fA-F]{2})*$/;

/** The account to start from: the first that can sign, else the first there is. */
function firstSigner(accounts: readonly AccountView[]): AccountView | undefined {
  return accounts.find((a) => a.signer !== 'watch') ?? accounts[0];
}

/** Compose, review in plain words, sign on the device, then follow the transaction below. */
export function SendPage() {
  const { client, chains, settings, saveSettings } = useWallet();
  const accounts = useAccounts();
  const portfolio = useCallResult('portfolio.get');
  const [accountId, setAccountId] = useState<number | null>(null);
  const [chosenChainId, setChosenChainId] = useState<number | null>(null);
  const [to, setTo] = useState('');
  const [asset, setAsset] = useState<string>('native');
  const [amount, setAmount] = useState('');
  const [speed, setSpeed] = useState<FeeChoice>('normal');
  const [maxFeeGwei, setMaxFeeGwei] = useState('');
  const [priorityFeeGwei, setPriorityFeeGwei] = useState('');
  const [data, setData] = useState('');
  const review = useAction((draft: SendDraft) => client.call('tx.review', draft));
  const send = useAction((draft: SendDraft) => client.call('tx.send', draft));
  const switchNetwork = useAction((chainId: number) => saveSettings({ activeChainId: chainId }));
  const ids = {
    from: useId(),
    network: useId(),
    to: useId(),
    asset: useId(),
    amount: useId(),
    speed: useId(),
    maxFee: useId(),
    priorityFee: useId(),
  };

  if (accounts.list?.length === 0) {
    return (
      <NoAccountsPage
        title="Send"
        lede={LEDE}
        icon={Send}
        guidance="Sending needs an account on a Ledger, Trezor or paired phone. Add one in Devices; a watched address can be reviewed but never signs."
      />
    );
  }

  const list = accounts.list ?? [];
  const account = list.find((a) => a.id === accountId) ?? firstSigner(list);
  const chainId = chosenChainId ?? settings.activeChainId;
  const chain = chains.find((c) => c.id === chainId);
  const activeChain = chains.find((c) => c.id === settings.activeChainId);
  const tokens = (portfolio.data?.tokens ?? []).filter(
    (token) =>
      token.chainId === chainId &&
      token.address !== 'native' &&
      !token.hidden &&
      portfolio.data?.holdings.some(
        (h) =>
          h.chainId === chainId &&
          h.token.toLowerCase() === token.address.toLowerCase() &&
          h.account.toLowerCase() === account?.address.toLowerCase() &&
          h.amount !== null &&
          BigInt(h.amount) > 0n,
      ),
  );
  const assetShown = asset === 'native' || tokens.some((t) => t.address === asset) ? asset : 'native';
  const reviewed: TxReview | null = review.state.status === 'done' ? review.state.result : null;
  const callData = data.trim();
  const dataReady = callData === '' || (assetShown === 'native' && CALL_DATA.test(callData));
  const customReady =
    speed !== 'custom' ||
    (GWEI.test(maxFeeGwei.trim()) && (priorityFeeGwei.trim() === '' || GWEI.test(priorityFeeGwei.trim())));
  const canReview =
    account !== undefined && to.trim() !== '' && AMOUNT.test(amount.trim()) && customReady && dataReady;
  const reviewing = review.state.status === 'working';
  const sending = send.state.status === 'working';

  const draft = (withSpeed: FeeChoice, withAmount = amount): SendDraft | null =>
    account
      ? {
          accountId: account.id,
          chainId,
          to: to.trim(),
          asset: assetShown as SendDraft['asset'],
          amount: withAmount.trim(),
          speed: withSpeed,
          ...(callData ? { data: callData } : {}),
          ...(withSpeed === 'custom'
            ? {
                custom: {
                  maxFeeGwei: maxFeeGwei.trim(),
                  ...(priorityFeeGwei.trim() ? { priorityFeeGwei: priorityFeeGwei.trim() } : {}),
                },
              }
            : {}),
        }
      : null;

  /** Any change to what is being sent voids the review: it must be read again before signing. */
  function edit(apply: () => void) {
    apply();
    review.clear();
    send.clear();
  }

  function submitReview() {
    const next = draft(speed);
    if (!next || reviewing || !canReview) return;
    send.clear();
    void review.run(next);
  }

  /** A finding's one-click fix: Max fills the amount and reviews again; a switch moves the wallet's network. */
  async function fix(remedy: FindingFix) {
    if (remedy.type === 'max') {
      setAmount(remedy.amount);
      send.clear();
      const next = draft(speed, remedy.amount);
      if (next) void review.run(next);
      return;
    }
    // The form keeps the network it reviewed on, whatever the top bar follows.
    setChosenChainId(chainId);
    const next = draft(speed);
    if ((await switchNetwork.run(remedy.chainId)) && next) void review.run(next);
  }

  async function signAndSend(allowRevert: boolean) {
    const base = draft(speed);
    if (!base || sending) return;
    const next = allowRevert ? { ...base, allowRevert: true } : base;
    if (await send.run(next)) {
      review.clear();
      setAmount('');
    }
  }

  const segments = speedSegments(reviewed);

  return (
    <Page title="Send" lede={LEDE}>
      <form
        className="send-form card"
        aria-label="New transaction"
        onSubmit={(event) => {
          event.preventDefault();
          submitReview();
        }}
      >
        <div className="send-form__grid">
          <div className="send-form__field">
            <label className="send-form__label" htmlFor={ids.from}>
              From
            </label>
            <AccountSelect
              id={ids.from}
              accounts={list}
              value={account?.id ?? null}
              onChange={(id) => edit(() => setAccountId(id))}
            />
          </div>
          <div className="send-form__field">
            <label className="send-form__label" htmlFor={ids.network}>
              Network
            </label>
            <NetworkSelect
              id={ids.network}
              value={chainId}
              onChange={(id) => edit(() => setChosenChainId(id))}
            />
          </div>
        </div>

        {account?.signer === 'watch' && (
          <p className="send-form__hint">
            {accountName(account)} is watch-only: you can review a transfer from it, but it cannot sign.
          </p>
        )}

        {chainId !== settings.activeChainId && chain && (
          <Callout tone="warning" icon={ArrowLeftRight}>
            <span className="send-form__mismatch">
              The top bar is on {activeChain?.name ?? `chain ${settings.activeChainId}`}, but this sends on{' '}
              {chain.name}.
              <button
                type="button"
                className="button"
                aria-disabled={switchNetwork.state.status === 'working'}
                onClick={() => switchNetwork.state.status !== 'working' && void switchNetwork.run(chain.id)}
              >
                Switch to {chain.name}
              </button>
            </span>
          </Callout>
        )}
        {switchNetwork.state.status === 'failed' && (
          <ErrorNote
            outcome="Not switched"
            message={switchNetwork.state.message}
            onDismiss={switchNetwork.clear}
          />
        )}

        <div className="send-form__field">
          <label className="send-form__label" htmlFor={ids.to}>
            To
          </label>
          <input
            id={ids.to}
            className="text-input send-form__mono"
            value={to}
            placeholder="0x…, a contact or a label"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => edit(() => setTo(event.target.value))}
          />
          {reviewed && <RecipientPreview action={reviewed.action} />}
        </div>

        <div className="send-form__grid">
          <div className="send-form__field">
            <label className="send-form__label" htmlFor={ids.asset}>
              Asset
            </label>
            <Select
              id={ids.asset}
              value={assetShown}
              onChange={(event) => edit(() => setAsset(event.target.value))}
            >
              <option value="native">{chain?.nativeCurrency.symbol ?? 'ETH'}</option>
              {tokens.map((token) => (
                <option key={token.address} value={token.address}>
                  {token.symbol} · {token.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="send-form__field">
            <label className="send-form__label" htmlFor={ids.amount}>
              Amount
            </label>
            <input
              id={ids.amount}
              className="text-input send-form__amount"
              value={amount}
              inputMode="decimal"
              placeholder="0.0"
              autoComplete="off"
              aria-invalid={amount.trim() !== '' && !AMOUNT.test(amount.trim())}
              onChange={(event) => edit(() => setAmount(event.target.value))}
            />
          </div>
        </div>

        <div className="send-form__field">
          <span className="send-form__label" id={ids.speed}>
            Speed
          </span>
          <SegmentedControl
            name="send-speed"
            labelledBy={ids.speed}
            segments={segments}
            value={speed}
            onChange={(value) => {
              setSpeed(value);
              const next = draft(value);
              if (reviewed && next && value !== 'custom') void review.run(next);
              else if (value === 'custom') edit(() => undefined);
            }}
          />
          {speed === 'custom' && (
            <div className="send-form__grid">
              <div className="send-form__field">
                <label className="send-form__label" htmlFor={ids.maxFee}>
                  Max fee (gwei)
                </label>
                <input
                  id={ids.maxFee}
                  className="text-input"
                  inputMode="decimal"
                  value={maxFeeGwei}
                  onChange={(event) => edit(() => setMaxFeeGwei(event.target.value))}
                />
              </div>
              <div className="send-form__field">
                <label className="send-form__label" htmlFor={ids.priorityFee}>
                  Priority fee (gwei)
                </label>
                <input
                  id={ids.priorityFee}
                  className="text-input"
                  inputMode="decimal"
                  placeholder="The normal tip"
                  value={priorityFeeGwei}
                  onChange={(event) => edit(() => setPriorityFeeGwei(event.target.value))}
                />
              </div>
            </div>
          )}
          {!reviewed && <p className="send-form__hint">Each speed shows its fee range once you review.</p>}
        </div>

        <CallDataField
          value={data}
          valid={dataReady}
          assetIsNative={assetShown === 'native'}
          nativeSymbol={chain?.nativeCurrency.symbol ?? 'the coin'}
          onChange={(value) => edit(() => setData(value))}
        />

        <div className="send-form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={!canReview}
            aria-disabled={reviewing}
          >
            {reviewing && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
            Review
          </button>
        </div>
        {review.state.status === 'failed' && (
          <ErrorNote outcome="Could not review" message={review.state.message} onDismiss={review.clear} />
        )}
      </form>

      {reviewed && (
        <ReviewPanel
          review={reviewed}
          sending={sending}
          onSend={(allowRevert) => void signAndSend(allowRevert)}
          onFix={(remedy) => void fix(remedy)}
        />
      )}
      {send.state.status === 'failed' && (
        <ErrorNote outcome="Not sent" message={send.state.message} onDismiss={send.clear} />
      )}
      {send.state.status === 'done' && (
        <p className="send-form__sent" role="status">
          <CircleCheck size={14} aria-hidden="true" />
          Sent. Follow it below in Recent transactions.
        </p>
      )}

      <RecentTransactions empty="Nothing sent from this wallet yet." />
    </Page>
  );
}
