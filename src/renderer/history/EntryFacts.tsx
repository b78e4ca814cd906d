import type { HistoryEntryView } from '../../shared/history';
import { ChainBadge } from '../chains/ChainBadge';
import { formatAmount, formatCount } from '../../shared/format/amount';
import { explorerUrl } from './explorer';
import { Fact } from './Fact';
import { HashValue } from './HashValue';
import { NoteFact } from './NoteFact';
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
        <HashValue value={entry.from} label="sender address" explorer={address(entry.from)} />
      </Fact>
      <Fact term="To">
        {entry.to ? (
          <>
            {entry.toLabel && <span className="fact__label">{entry.toLabel}</span>}
            <HashValue value={entry.to} label="recipient address" explorer={address(entry.to)} />
          </>
        ) : (
          'A new contract'
        )}
      </Fact>
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
      <NoteFact key={`${entry.chainId}:${entry.hash}`} entry={entry} onSaved={onNoteSaved} />
    </dl>
  );
}
