import { createContext, useContext, type ReactNode } from 'react';
import type { SyncedName } from '../core/phoneSync';
import { formatTimeLeft } from './format';

/** The request's title, who sent it, and how long it may still be approved. */
export function RequestHeader(props: {
  titleId: string;
  title: string;
  desktop: string;
  expired: boolean;
  expiresInSeconds: number;
}) {
  return (
    <header className="request-head">
      <div>
        <h2 id={props.titleId}>{props.title}</h2>
        <p className="muted">From {props.desktop}</p>
      </div>
      <p className={props.expired ? 'timer expired' : 'timer'}>
        {props.expired ? 'Expired' : `Expires in ${formatTimeLeft(props.expiresInSeconds)}`}
      </p>
    </header>
  );
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export const noNames = () => null;
export const NamesContext = createContext<(address: string) => SyncedName | null>(noNames);
const SOURCE = { addressBook: 'address book', label: 'label' } as const;

/** A party's address, always in full; above it, in bold, the name the user gave it on the desktop, if any. */
export function Party({ value }: { value: string }) {
  const named = useContext(NamesContext)(value);
  return (
    <>
      {named ? (
        <span className="synced-name">
          <strong>{named.name}</strong> <span className="synced-name__source">{SOURCE[named.source]}</span>
        </span>
      ) : null}
      <Address value={value} />
    </>
  );
}

export function Address({ value }: { value: string }) {
  return <span className="address">{value}</span>;
}
