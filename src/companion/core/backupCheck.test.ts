import { describe, expect, it } from 'vitest';
import { checkBackupAnswers, pickBackupChallenge } from './backupCheck';

const MNEMONIC = 'abandon ability able about above absent absorb abstract absurd abuse access accident';

describe('backup check', () => {
  it('picks three distinct positions within the phrase, ascending', () => {
    for (let i = 0; i < 200; i++) {
      const { positions } = pickBackupChallenge(MNEMONIC);
      expect(positions).toHaveLength(3);
      expect(new Set(positions).size).toBe(3);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const position of positions) expect(position >= 1 && position <= 12).toBe(true);
    }
  });

  it('reaches every position and skips biased bytes', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) pickBackupChallenge(MNEMONIC).positions.forEach((p) => seen.add(p));
    expect(seen.size).toBe(12);
    // 252..255 are past the last multiple of 12 and must be skipped; 0, 1, 13 give words 1, 2 and (repeat) 2.
    const bytes = Uint8Array.from([255, 252, 0, 1, 13, 2, ...new Array(10).fill(0)]);
    expect(pickBackupChallenge(MNEMONIC, () => bytes).positions).toEqual([1, 2, 3]);
  });

  it('accepts the right words in order, forgiving case and spaces', () => {
    const challenge = { positions: [2, 7, 12] };
    expect(checkBackupAnswers(MNEMONIC, challenge, ['ability', ' Absorb ', 'ACCIDENT'])).toBe(true);
  });

  it('refuses wrong, swapped, missing or extra words', () => {
    const challenge = { positions: [2, 7, 12] };
    expect(checkBackupAnswers(MNEMONIC, challenge, ['ability', 'absorb', 'access'])).toBe(false);
    expect(checkBackupAnswers(MNEMONIC, challenge, ['absorb', 'ability', 'accident'])).toBe(false);
    expect(checkBackupAnswers(MNEMONIC, challenge, ['ability', 'absorb'])).toBe(false);
    expect(checkBackupAnswers(MNEMONIC, challenge, ['ability', 'absorb', 'accident', 'x'])).toBe(false);
    expect(checkBackupAnswers(MNEMONIC, { positions: [13, 1, 2] }, ['', 'abandon', 'ability'])).toBe(false);
  });
});
