import { describe, expect, it } from 'vitest';
import { browserName } from './browserName';

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

describe('browserName', () => {
  it('names the brand the user knows, not the engine or the decoy', () => {
    const brands = [{ brand: 'Not)A;Brand' }, { brand: 'Chromium' }, { brand: 'Brave' }];
    expect(browserName({ userAgent: CHROME_LINUX, userAgentData: { brands, platform: 'Linux' } })).toBe(
      'Brave on Linux',
    );
  });

  it('says Chromium when that is the only brand', () => {
    const brands = [{ brand: 'Chromium' }, { brand: 'Not=A?Brand' }];
    expect(browserName({ userAgent: CHROME_LINUX, userAgentData: { brands, platform: 'Linux' } })).toBe(
      'Chromium on Linux',
    );
  });

  it('reads the user agent where there is no userAgentData', () => {
    expect(
      browserName({
        userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0',
      }),
    ).toBe('Firefox on macOS');
    expect(
      browserName({
        userAgent: `${CHROME_LINUX.replace('X11; Linux x86_64', 'Windows NT 10.0; Win64; x64')} Edg/140.0`,
      }),
    ).toBe('Microsoft Edge on Windows');
    expect(browserName({ userAgent: '' })).toBe('Browser');
  });

  it('caps the name at 60 characters', () => {
    const brands = [{ brand: 'B'.repeat(80) }];
    expect(browserName({ userAgent: '', userAgentData: { brands, platform: 'Linux' } })).toHaveLength(60);
  });
});
