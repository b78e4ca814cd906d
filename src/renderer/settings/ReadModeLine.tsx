import type { ReadMode } from './useReadModes';
import './ReadModeLine.css';

const LINES: Record<NonNullable<ReadMode> | 'unread' | 'off', { text: string; title: string }> = {
  override: {
    text: 'Balances and prices: one call (state override)',
    title:
      'Each refresh reads every balance and price on this network in one request to your RPC node, which runs a small reader contract placed there for that call only (a state override).',
  },
  multicall3: {
    text: 'Balances and prices: Multicall3 (this node refuses state overrides)',
    title:
      'Your RPC node for this network refuses state overrides, so balances and prices are read through the Multicall3 contract instead: still batched, with more data on the wire.',
  },
  unread: {
    text: 'Not read yet',
    title: 'How balances and prices are read is known after the first refresh of this network.',
  },
  off: {
    text: 'Not read: the network is off',
    title: 'The wallet sends no request to a network that is off.',
  },
};

/** Under a network's name: how its balances and prices are read, in words a user can act on. */
export function ReadModeLine({ mode, enabled }: { mode: ReadMode | undefined; enabled: boolean }) {
  const key = enabled ? (mode ?? 'unread') : 'off';
  const line = LINES[key];
  return (
    <span className="read-mode" data-mode={key} title={line.title}>
      {line.text}
    </span>
  );
}
