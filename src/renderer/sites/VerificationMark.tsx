import { OctagonAlert, ShieldAlert, ShieldCheck, ShieldQuestion, type LucideIcon } from 'lucide-react';
import type { WalletConnectVerification } from '../../shared/dapps';

interface Mark {
  icon: LucideIcon;
  words: string;
  tone: 'success' | 'warning' | 'danger' | undefined;
  /** One sentence on what it means for the user, for the proposal sheet and a row's tooltip. */
  meaning: string;
}

export const VERIFICATION: Record<WalletConnectVerification, Mark> = {
  validated: {
    icon: ShieldCheck,
    words: 'Verified domain',
    tone: 'success',
    meaning: 'WalletConnect Verify saw this request come from the domain the dApp names.',
  },
  unknown: {
    icon: ShieldQuestion,
    words: 'Unverified',
    tone: undefined,
    meaning:
      'WalletConnect Verify could not confirm where this comes from, as is usual for a dApp under development or with Verify off. Go by what you opened yourself.',
  },
  mismatch: {
    icon: ShieldAlert,
    words: 'Domain mismatch',
    tone: 'warning',
    meaning:
      'The page that opened this is not on the domain the dApp names: another site may be using its name.',
  },
  threat: {
    icon: OctagonAlert,
    words: 'Known threat',
    tone: 'danger',
    meaning:
      'WalletConnect Verify lists this domain as a scam. Reject unless you are certain: it may try to take what you hold.',
  },
};

/** What Verify said of a dApp's domain, in words and a mark, so it never rests on colour alone. */
export function VerificationMark({ verification }: { verification: WalletConnectVerification }) {
  const { icon: Icon, words, tone, meaning } = VERIFICATION[verification];
  return (
    <span className="badge" data-tone={tone} data-verification={verification} title={meaning}>
      <Icon size={12} aria-hidden="true" />
      {words}
    </span>
  );
}
