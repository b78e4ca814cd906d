import type { HistoryEntryView } from '../../shared/history';
import { ChainBadge } from '../chains/ChainBadge';
import { formatAmount, formatCount } from '../../shared/format/amount';
import { explorerUrl } from './explorer';
import { Fact } from './Fact';
import { HashValue } from './HashValue';
import { NoteFact } from './NoteFact';
import { SafeExecutionFacts } from './SafeExecutionFacts';
import { signedByText } from './signedBy';
import { StatusBadges } from './StatusBadges';
import { dateTime } from './timeFormat';
import type { ChainDirectory } from './useChainNames';

interface EntryFactsProps {
  entry: HistoryEntryView;
  chains: ChainDirectory;
  accountName: string;
  onNoteSaved(note: string | null): void;
}

/** The transaction's own facts: where, when, who, what it cost and what signed it, and the user's note. */
export function EntryFacts({ entry, chains, accountName, onNoteSaved }: EntryFactsProps) {
  const chain = chains.chain(entry.chainId);
  const chainName = chains.name(entry.chainId);
  const address = (value: string) => explorerUrl(chain, `address/${value}`);
  const decimals = chain?.nativeCurrency.decimals ?? 18;
  const approval = entry.approval;
  const party = decodedParty(entry);
  return (
    <dl className="facts">
      <Fact term="Status">
        {entry.status === 'success' ? 'Succeeded' : 'Failed'} <StatusBadges entry={entry} />
      </Fact>
      <Fact term="Network">
        <ChainBadge chain={{ id: entry.chainId, name: chainName }} />
      </Fact>
      <Fact term="Account">
        <span className="fact__label">{accountName}</span>
        <HashValue value={entry.account} label="account address" explorer={address(entry.account)} />
      </Fact>
      <Fact term="Time">{dateTime(entry.timestamp)}</Fact>
      <Fact term="Block">{formatCount(entry.blockNumber)}</Fact>
      <Fact term="Hash">
        <HashValue
          value={entry.hash}
          label={`transaction hash on ${chainName}`}
          explorer={explorerUrl(chain, `tx/${entry.hash}`)}
        />
      </Fact>
      <Fact term="From">
        <Party name={entry.fromLabel} address={entry.from} label="sender address" explorer={address} />
      </Fact>
      <Fact term="To">
        {entry.to ? (
          <Party
            name={entry.toLabel}
            address={entry.to}
            label={party ? 'called contract address' : 'recipient address'}
            explorer={address}
          />
        ) : (
          'A new contract'
        )}
      </Fact>
      {entry.betweenAccounts && <Fact term="Transfer">Between your accounts</Fact>}
      {party && (
        <Fact term={party.term}>
          <Party
            name={entry.counterpartyLabel}
            address={party.address}
            label={party.label}
            explorer={address}
          />
        </Fact>
      )}
      {entry.method && (
        <Fact term="Method">
          <code>{entry.method}</code>
        </Fact>
      )}
      <Fact term="Fee">
        {entry.fee === null
          ? 'Paid by the sender'
          : `${formatAmount(BigInt(entry.fee), decimals).exact} ${chains.nativeSymbol(entry.chainId)}`}
      </Fact>
      {approval && (
        <>
          <Fact term="Spender">
            {approval.spenderLabel && <span className="fact__label">{approval.spenderLabel}</span>}
            <HashValue
              value={approval.spender}
              label="spender address"
              explorer={address(approval.spender)}
            />
          </Fact>
          <Fact term="Allowance">
            {approval.unlimited
              ? `Unlimited ${approval.symbol ?? ''}`.trim()
              : `${formatAmount(BigInt(approval.amount), approval.decimals ?? 0).exact} ${approval.symbol ?? ''}`.trim()}
          </Fact>
          <Fact term="Token">
            <HashValue value={approval.token} label="token address" explorer={address(approval.token)} />
          </Fact>
        </>
      )}
      {entry.signedBy && <Fact term="Signed by">{signedByText(entry.signedBy)}</Fact>}
      {entry.safe && <SafeExecutionFacts safe={entry.safe} explorer={address(entry.safe.address)} />}
      <NoteFact key={`${entry.chainId}:${entry.hash}`} entry={entry} onSaved={onNoteSaved} />
    </dl>
  );
}

/**
 * The recipient of a send or the sender of a receive, where the transaction's own From and To do not
 * already show it: a token transfer's `to` is the token contract, and its recipient is in the calldata.
 */
function decodedParty(entry: HistoryEntryView) {
  const { counterparty: address, kind } = entry;
  if (!address || address === entry.to || address === entry.from) return null;
  if (kind === 'send') return { term: 'Recipient', address, label: 'recipient address' };
  if (kind === 'receive') return { term: 'Sender', address, label: 'sender of the tokens' };
  return null;
}

interface PartyProps {
  name: string | null;
  address: string;
  label: string;
  explorer(address: string): string | null;
}

/** An address in full, under the user's name for it when it has one. */
function Party({ name, address, label, explorer }: PartyProps) {
  return (
    <>
      {name && <span className="fact__label">{name}</span>}
      <HashValue value={address} label={label} explorer={explorer(address)} />
    </>
  );
}
