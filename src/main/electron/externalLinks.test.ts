import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './externalLinks';

describe('safeExternalUrl', () => {
  it('passes an https link through in its normalised form', () => {
    expect(safeExternalUrl('https://etherscan.io/tx/0xabc')).toBe('https://etherscan.io/tx/0xabc');
    expect(safeExternalUrl('HTTPS://Arbiscan.io/address/0x1')).toBe('https://arbiscan.io/address/0x1');
  });

  it.each([
    'http://etherscan.io/',
    'file:///etc/passwd',
    'smb://host/share',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'app://wallet/index.html',
    'ms-settings:privacy',
    'https://user:pass@etherscan.io/',
    'https://user@etherscan.io/',
    'https://',
    '//etherscan.io/',
    'etherscan.io',
    '',
  ])('keeps %s inside the app', (url) => expect(safeExternalUrl(url)).toBeNull());

  it('refuses a link long enough to smuggle data out', () => {
    expect(safeExternalUrl(`https://example.com/?q=${'a'.repeat(2048)}`)).toBeNull();
  });
});
