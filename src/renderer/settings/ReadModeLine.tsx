import type { ReadMode } from './useReadModes';
import './ReadModeLine.css';

const LINES: Record<NonNullable<ReadMode> | 'unread', { text: string; title: string }> = {
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
};

/**
 * Under an enabled network's name: how its balances and prices are read, in words a user can act on. A network
 * that is off is read in no way, which its switch already says.
 */
export function ReadModeLine({ mode }: { mode: ReadMode | undefined }) {
  const key = mode ?? 'unread';
  const line = LINES[key];
  return (
    <span className="read-mode" data-mode={key} title={line.title}>
      {line.text}
    </span>
  );
}
