import { describe, expect, it } from 'vitest';
import { UpdateRefusal } from './updateRefusal';

describe('UpdateRefusal', () => {
  it('carries its code, the offered version and the message for the user', () => {
    const refusal = new UpdateRefusal(
      'not-newer',
      'Version 1.1.0 is not newer than the installed 1.2.0.',
      '1.1.0',
    );
    expect(refusal).toBeInstanceOf(Error);
    expect(refusal.name).toBe('UpdateRefusal');
    expect([refusal.code, refusal.version, refusal.message]).toEqual([
      'not-newer',
      '1.1.0',
      'Version 1.1.0 is not newer than the installed 1.2.0.',
    ]);
  });

  it('has no version when the metadata could not be read that far', () => {
    expect(new UpdateRefusal('unsigned', 'The release metadata is not signed.').version).toBeNull();
  });
});
