import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseReleaseMetadata } from './releaseMetadata';

const sha512 = (text: string) => createHash('sha512').update(text).digest('base64');
const APPIMAGE = sha512('the AppImage');
const DEB = sha512('the deb');

/** The shape electron-builder 26 writes for Linux. */
const LATEST_LINUX = `version: 1.2.0
files:
  - url: Ledgerline-1.2.0.AppImage
    sha512: ${APPIMAGE}
    size: 104857600
    blockMapSize: 110000
  - url: ledgerline_1.2.0_amd64.deb
    sha512: ${DEB}
    size: 73400320
path: Ledgerline-1.2.0.AppImage
sha512: ${APPIMAGE}
releaseDate: '2026-12-07T05:00:00.000Z'
`;

/** Every refusal here is 'malformed', and says that the installed version keeps running. */
const malformed = (message: RegExp, version?: string | null) =>
  expect.objectContaining({
    name: 'UpdateRefusal',
    code: 'malformed',
    message: expect.stringMatching(new RegExp(`${message.source}.*keeps running`)),
    ...(version === undefined ? {} : { version }),
  });

const withFile = (url: string) =>
  `version: 1.2.0\nfiles:\n  - url: ${JSON.stringify(url)}\n    sha512: ${APPIMAGE}\n`;

describe('parseReleaseMetadata', () => {
  it("reads electron-builder's latest-linux.yml, keeping only what the updater acts on", () => {
    expect(parseReleaseMetadata(LATEST_LINUX)).toEqual({
      version: '1.2.0',
      files: [
        { url: 'Ledgerline-1.2.0.AppImage', sha512: APPIMAGE, size: 104857600 },
        { url: 'ledgerline_1.2.0_amd64.deb', sha512: DEB, size: 73400320 },
      ],
      releaseDate: '2026-12-07T05:00:00.000Z',
    });
  });

  it('accepts a pre-release version, a missing size and no release date', () => {
    expect(
      parseReleaseMetadata(`version: 1.3.0-beta.1\nfiles:\n  - url: a.zip\n    sha512: ${DEB}\n`),
    ).toEqual({
      version: '1.3.0-beta.1',
      files: [{ url: 'a.zip', sha512: DEB, size: null }],
      releaseDate: null,
    });
  });

  it('refuses file addresses that leave the feed: schemes, folders, "..", absolute paths', () => {
    for (const url of [
      'https://evil.example/Ledgerline.AppImage',
      '//evil.example/x.AppImage',
      '../Ledgerline.AppImage',
      'sub/Ledgerline.AppImage',
      '/etc/passwd',
      'C:\\x.exe',
      '..',
      'a..AppImage',
      `${'a'.repeat(201)}`,
    ]) {
      expect(() => parseReleaseMetadata(withFile(url)), url).toThrow(malformed(/plain file name/, '1.2.0'));
    }
  });

  it('refuses a sha512 that is not the base64 of 64 bytes', () => {
    const hex = createHash('sha512').update('x').digest('hex');
    const sha256 = createHash('sha256').update('x').digest('base64');
    for (const digest of [hex, sha256, APPIMAGE.slice(0, 86), `${APPIMAGE.slice(0, 85)}B==`]) {
      const text = LATEST_LINUX.replaceAll(APPIMAGE, digest);
      expect(() => parseReleaseMetadata(text), digest).toThrow(malformed(/SHA-512/, '1.2.0'));
    }
  });

  it('refuses versions that are not semver releases, naming no version', () => {
    for (const version of ['1.2', '"01.2.0"', 'v1.2.0', '1.2.0+build', "'1.2.0 '"]) {
      const text = LATEST_LINUX.replace('version: 1.2.0', `version: ${version}`);
      expect(() => parseReleaseMetadata(text), version).toThrow(malformed(/version/, null));
    }
  });

  it('refuses a legacy path that names none of the files', () => {
    for (const text of [
      LATEST_LINUX.replace('path: Ledgerline-1.2.0.AppImage', 'path: other.AppImage'),
      LATEST_LINUX.replace(`sha512: ${APPIMAGE}\nreleaseDate`, `sha512: ${DEB}\nreleaseDate`),
      LATEST_LINUX.replace('path: Ledgerline-1.2.0.AppImage\n', '').replace(
        `sha512: ${APPIMAGE}\nreleaseDate`,
        `sha512: ${sha512('another file')}\nreleaseDate`,
      ),
    ]) {
      expect(() => parseReleaseMetadata(text)).toThrow(malformed(/do not name one of its files/, '1.2.0'));
    }
  });

  it('refuses YAML beyond plain data: tags, timestamps as types, duplicate keys, other documents', () => {
    const cases = [
      LATEST_LINUX.replace("releaseDate: '2026-12-07T05:00:00.000Z'", 'releaseDate: !!binary aGk='),
      LATEST_LINUX.replace('version: 1.2.0', 'version: !!js/function "() => 1"'),
      `${LATEST_LINUX}version: 9.0.0\n`,
      `${LATEST_LINUX}---\nversion: 9.0.0\n`,
      'version: [1.2.0',
    ];
    for (const text of cases) {
      expect(() => parseReleaseMetadata(text), text).toThrow(malformed(/not valid YAML/, null));
    }
  });

  it('refuses documents of the wrong shape or size', () => {
    const tooMany = Array.from({ length: 17 }, (_, i) => `  - url: f${i}.zip\n    sha512: ${DEB}\n`).join('');
    for (const text of ['', 'just a string', '- a list', '42']) {
      expect(() => parseReleaseMetadata(text), text).toThrow(malformed(/not a list of fields/, null));
    }
    for (const text of [
      'version: 1.2.0\nfiles: []\n',
      `version: 1.2.0\nfiles:\n${tooMany}`,
      LATEST_LINUX.replace('size: 104857600', 'size: -1'),
      LATEST_LINUX.replace('size: 104857600', 'size: 1.5'),
      `${LATEST_LINUX}# ${'x'.repeat(64 * 1024)}\n`,
    ]) {
      expect(() => parseReleaseMetadata(text)).toThrow(malformed(/./));
    }
  });

  it('keeps the message short enough for the status view', () => {
    const text = `version: 1.2.0\nfiles:\n  - url: ${'a'.repeat(5000)}\n`;
    expect(() => parseReleaseMetadata(text)).toThrow(/^.{1,500}$/s);
  });
});
