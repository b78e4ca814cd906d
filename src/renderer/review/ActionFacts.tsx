import type { ReactNode } from 'react';
import type { Party, ReviewAction, ReviewAmount } from '../../shared/review';
import { AmountText } from './AmountText';
import { PartyName } from './PartyName';

/** One row of a review's facts: a label and what stands beside it. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="review-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

type Row = readonly [label: string, content: ReactNode];

const party = (label: string, value: Party): Row => [label, <PartyName party={value} />];
const amount = (label: string, value: ReviewAmount): Row => [label, <AmountText amount={value} />];

/** The rows for each kind of action, in the order the summary names them. */
function actionRows(action: ReviewAction): Row[] {
  switch (action.type) {
    case 'native-transfer':
      return [party('To', action.to), amount('Amount', action.amount)];
    case 'token-transfer':
      return [party('To', action.to), amount('Amount', action.amount), party('Token', action.token)];
    case 'approval':
      return [
        party('Spender', action.spender),
        amount('Allowance', action.amount),
        party('Token', action.token),
      ];
    case 'approval-for-all':
      return [
        party('Operator', action.operator),
        [
          'Permission',
          action.approved
            ? 'May move every item you hold in this collection'
            : 'Withdrawn: may no longer move your items',
        ],
        party('Collection', action.collection),
      ];
    case 'contract-call':
      return [
        party('Contract', action.to),
        ['Method', <code className="review-code">{action.method}</code>],
        amount('Value', action.value),
      ];
    case 'cancel':
      return [
        [
          'Cancels',
          `The transaction with nonce ${action.nonce}: sends nothing, to yourself, at a higher fee`,
        ],
      ];
  }
}

/** The decoded action, one labelled row per party and amount. */
export function ActionFacts({ action }: { action: ReviewAction }) {
  return (
    <>
      {actionRows(action).map(([label, content]) => (
        <Fact key={label} label={label}>
          {content}
        </Fact>
      ))}
    </>
  );
}
