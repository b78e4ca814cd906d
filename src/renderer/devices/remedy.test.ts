import { describe, expect, it } from 'vitest';
import { splitRemedy } from './remedy';

describe('splitRemedy', () => {
  it('lifts an inline && chain out of the sentence, one command a line', () => {
    expect(
      splitRemedy(
        'Linux does not let this user open the Trezor. Install the udev rules: sudo cp resources/linux/udev/51-ledgerline-trezor.rules /etc/udev/rules.d/ && sudo udevadm control --reload-rules && sudo udevadm trigger, then unplug the Trezor and plug it back in.',
      ),
    ).toEqual([
      { kind: 'text', text: 'Linux does not let this user open the Trezor. Install the udev rules:' },
      {
        kind: 'commands',
        lines: [
          'sudo cp resources/linux/udev/51-ledgerline-trezor.rules /etc/udev/rules.d/',
          'sudo udevadm control --reload-rules',
          'sudo udevadm trigger',
        ],
      },
      { kind: 'text', text: 'Then unplug the Trezor and plug it back in.' },
    ]);
  });

  it('takes command lines and fenced blocks whole, and joins the ones in a row', () => {
    expect(
      splitRemedy(
        'Run:\n$ sudo cp 20-hw1.rules /etc/udev/rules.d/\n```\nls /dev/hidraw*\n```\nThen replug it.',
      ),
    ).toEqual([
      { kind: 'text', text: 'Run:' },
      { kind: 'commands', lines: ['sudo cp 20-hw1.rules /etc/udev/rules.d/', 'ls /dev/hidraw*'] },
      { kind: 'text', text: 'Then replug it.' },
    ]);
  });

  it('leaves a plain remedy as text', () => {
    expect(splitRemedy('Enter your PIN on the Ledger.')).toEqual([
      { kind: 'text', text: 'Enter your PIN on the Ledger.' },
    ]);
  });
});
