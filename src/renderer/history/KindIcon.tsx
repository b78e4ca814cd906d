import {
  ArrowDownLeft,
  ArrowLeftRight,
  ArrowUpRight,
  Braces,
  FilePlus,
  Repeat,
  Route,
  ShieldCheck,
  ShieldOff,
  type LucideIcon,
} from 'lucide-react';
import type { ActivityKind } from '../../shared/history';

const ICONS: Record<ActivityKind, LucideIcon> = {
  send: ArrowUpRight,
  receive: ArrowDownLeft,
  self: Repeat,
  approval: ShieldCheck,
  revoke: ShieldOff,
  swap: ArrowLeftRight,
  bridge: Route,
  'contract-call': Braces,
  'contract-creation': FilePlus,
};

/** Decorative: the row's sentence already says what kind of entry it is. */
export function KindIcon({ kind }: { kind: ActivityKind }) {
  const Icon = ICONS[kind];
  return (
    <span className="kind-icon" data-kind={kind} aria-hidden="true">
      <Icon size={16} />
    </span>
  );
}
