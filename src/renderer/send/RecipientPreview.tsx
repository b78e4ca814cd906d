import type { Party, ReviewAction } from '../../shared/review';
import { SOURCE_WORDS } from '../review/PartyName';

/** Who the review resolved the typed recipient to, for actions that have one. */
export function recipientOf(action: ReviewAction): Party | null {
  switch (action.type) {
    case 'native-transfer':
    case 'token-transfer':
    case 'contract-call':
      return action.to;
    default:
      return null;
  }
}

/**
 * Under the To field once reviewed: the whole address the typed text became, and the name the wallet knows
 * it by with where that name comes from ("Savings · your account"), so a name that matched something the
 * user did not mean shows before signing.
 */
export function RecipientPreview({ action }: { action: ReviewAction }) {
  const recipient = recipientOf(action);
  if (!recipient) return null;
  return (
    <p className="send-form__resolved" data-testid="recipient-preview">
      <code>{recipient.address}</code>
      {recipient.name && (
        <span>
          {' '}
          · {recipient.name}
          {recipient.source !== 'none' && ` (${SOURCE_WORDS[recipient.source]})`}
        </span>
      )}
    </p>
  );
}
