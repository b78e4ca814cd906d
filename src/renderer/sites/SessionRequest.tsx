import { useId } from 'react';
import type { AccountView } from '../../shared/accounts';
import type { DappRequestDetail } from '../../shared/dapps';
import { ChainBadge } from '../chains/ChainBadge';
import { Callout } from '../controls/Callout';
import { useChainNames } from '../history/useChainNames';
import { useWallet } from '../session/WalletContext';
import { AccountChoice, seeingAccounts } from './ConnectRequest';
import { VERIFICATION, VerificationMark } from './VerificationMark';

type SessionDetail = Extract<DappRequestDetail, { type: 'session' }>;

/** What Verify said, loud as it must be: a threat stops the eye, a mismatch warns, the rest is said calmly. */
function Verification({ detail }: { detail: SessionDetail }) {
  const { icon, words, meaning } = VERIFICATION[detail.verification];
  if (detail.verification === 'threat' || detail.verification === 'mismatch') {
    return (
      <Callout tone={detail.verification === 'threat' ? 'danger' : 'warning'} icon={icon} title={words}>
        {meaning}
      </Callout>
    );
  }
  return (
    <p className="site-request__verification">
      <VerificationMark verification={detail.verification} />
      <span>{meaning}</span>
    </p>
  );
}

interface SessionRequestProps {
  detail: SessionDetail;
  /** Null until main has answered. */
  accounts: AccountView[] | null;
  chosenAccounts: number[];
  onAccountsChange(accountIds: number[]): void;
  /** The optional networks the user grants; the required ones are granted with any session. */
  chosenChains: number[];
  onChainsChange(chainIds: number[]): void;
}

/**
 * A dApp's WalletConnect proposal: who it says it is and whether Verify agrees, the networks it needs and
 * those it would like, the accounts it may see, and what it may then ask for.
 */
export function SessionRequest(props: SessionRequestProps) {
  const { detail, chosenChains, onChainsChange } = props;
  const { settings } = useWallet();
  const base = useId();
  const chains = useChainNames();
  const toggle = (id: number, on: boolean) =>
    onChainsChange(on ? [...chosenChains, id] : chosenChains.filter((chainId) => chainId !== id));
  const optional = detail.optionalChainIds.filter((id) => !detail.requiredChainIds.includes(id));

  return (
    <div className="site-request__body">
      <Verification detail={detail} />
      {detail.description && <p className="site-request__description">{detail.description}</p>}
      <dl className="review__facts">
        <div className="review-fact">
          <dt>Claims to be</dt>
          <dd className="site-request__url">{detail.url}</dd>
        </div>
      </dl>
      <fieldset className="site-request__accounts">
        <legend>Networks</legend>
        {detail.requiredChainIds.map((id) => (
          <label key={id} className="site-request__chain">
            <input type="checkbox" checked disabled aria-describedby={`${base}-${id}`} />
            <ChainBadge chain={{ id, name: chains.name(id) }} />
            <span id={`${base}-${id}`} className="site-request__quiet">
              {settings.enabledChainIds.includes(id)
                ? 'required by the dApp'
                : 'required by the dApp; turned on in this wallet when you connect'}
            </span>
          </label>
        ))}
        {optional.map((id) => (
          <label key={id} className="site-request__chain">
            <input
              type="checkbox"
              checked={chosenChains.includes(id)}
              onChange={(event) => toggle(id, event.target.checked)}
            />
            <ChainBadge chain={{ id, name: chains.name(id) }} />
            <span className="site-request__quiet">optional</span>
          </label>
        ))}
      </fieldset>
      <AccountChoice
        accounts={props.accounts}
        chosen={props.chosenAccounts}
        onChange={props.onAccountsChange}
        legend="Accounts the dApp may see"
      />
      <details className="site-request__methods">
        <summary>What it may ask for ({detail.methods.length})</summary>
        <ul>
          {detail.methods.map((method) => (
            <li key={method}>
              <code>{method}</code>
            </li>
          ))}
        </ul>
      </details>
      <p className="site-request__quiet">{seeingAccounts('The dApp')}</p>
    </div>
  );
}
