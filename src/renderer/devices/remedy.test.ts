import { describe, expect, it } from 'vitest';
import { splitRemedy } from './remedy';

describe('splitRemedy', () => {
  it('keeps prose as text and commands apart, in order', () => {
    const parts = splitRemedy(
      'Linux needs udev rules to let this app open the Ledger. Run:\n$ sudo cp 20-hw1.rules /etc/udev/rules.d/\nsudo udevadm control --reload-rules\nThen replug the device.',
    );
    expect(parts.text).toBe('Linux needs udev rules to let this app open the Ledger. Run: Then replug the device.');
    expect(parts.commands).toEqual([
      'sudo cp 20-hw1.rules /etc/udev/rules.d/',
      'sudo udevadm control --reload-rules',
    ]);
  });

  it('takes fenced blocks whole', () => {
    expect(splitRemedy('Run this:\n```\nls /dev/hidraw*\n```').commands).toEqual(['ls /dev/hidraw*']);
  });

  it('leaves a plain remedy as text', () => {
    expect(splitRemedy('Unlock the device with your PIN.')).toEqual({
      text: 'Unlock the device with your PIN.',
      commands: [],
    });
  });
});
