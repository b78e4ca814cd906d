import { z } from 'zod';
import { TxReview } from '../../../src/shared/review';
import { SendDraft } from '../../../src/shared/tx';
import { canonical, type ReviewWorld } from './reviewWorld';
import recordings from './sendReviews.json';

/** What TxService answered for each scenario of sendReviewScenarios.ts, checked against the contract. */
const Recordings = z.array(z.strictObject({ world: z.unknown(), draft: SendDraft, review: TxReview }));

const byWorldAndDraft = new Map(
  Recordings.parse(recordings).map(({ world, draft, review }) => [canonical({ world, draft }), review]),
);

/** The review main gave for this draft in this wallet; a draft nobody recorded is a mistake in the test. */
export function recordedReview(world: ReviewWorld, draft: SendDraft): TxReview {
  const review = byWorldAndDraft.get(canonical({ world, draft }));
  if (!review) {
    throw new Error(
      `No review of this draft in this wallet was recorded from TxService: add it to ` +
        `test/renderer/double/sendReviewScenarios.ts and run \`vitest run test/tx/sendReviewRecordings --update\`.\n` +
        `draft: ${canonical(draft)}\nworld: ${canonical(world)}`,
    );
  }
  return structuredClone(review);
}
