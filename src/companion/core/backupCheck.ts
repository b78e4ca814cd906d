import { randomBytes } from '@noble/hashes/utils.js';

/** Enough to show the words were written down in order, few enough that nobody gives up. */
const CHALLENGE_SIZE = 3;

export interface BackupChallenge {
  /** 1-based word positions, ascending, as the user reads them ("word 4"). */
  positions: number[];
}

export function pickBackupChallenge(
  mnemonic: string,
  random: (length: number) => Uint8Array = randomBytes,
): BackupChallenge {
  const count = mnemonic.trim().split(/\s+/).length;
  if (count < CHALLENGE_SIZE) throw new Error('A recovery phrase has more words than this.');
  const chosen = new Set<number>();
  // Rejection sampling: bytes past the last whole multiple of `count` would favour the first positions.
  const limit = 256 - (256 % count);
  while (chosen.size < CHALLENGE_SIZE) {
    for (const byte of random(16)) {
      if (byte < limit && chosen.size < CHALLENGE_SIZE) chosen.add((byte % count) + 1);
    }
  }
  return { positions: [...chosen].sort((a, b) => a - b) };
}

/** Answers in the order of `challenge.positions`; case and surrounding spaces are forgiven. */
export function checkBackupAnswers(
  mnemonic: string,
  challenge: BackupChallenge,
  answers: readonly string[],
): boolean {
  const words = mnemonic.trim().split(/\s+/);
  return (
    answers.length === challenge.positions.length &&
    challenge.positions.every(
      (position, i) =>
        words[position - 1] !== undefined && answers[i]?.trim().toLowerCase() === words[position - 1],
    )
  );
}
