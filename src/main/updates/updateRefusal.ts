import type { UpdateRefusalCode } from '../../shared/updates';

/**
 * Why an offered release was not installed. The message is shown to the user as it is (Settings › Updates),
 * so it says in words what was wrong and that the installed version keeps running.
 */
export class UpdateRefusal extends Error {
  readonly code: UpdateRefusalCode;
  /** The version the feed offered, when the metadata could be read that far. */
  readonly version: string | null;

  constructor(code: UpdateRefusalCode, message: string, version: string | null = null) {
    super(message);
    this.name = 'UpdateRefusal';
    this.code = code;
    this.version = version;
  }
}
