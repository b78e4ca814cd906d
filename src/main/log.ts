export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * One JSON line per entry on stderr. Callers pass identifiers and counts, never payloads: secrets and
 * user data must not reach a log, so there is nothing here to redact.
 */
export function createLogger(
  scope: string,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const entry =
    (level: string) =>
    (message: string, fields: LogFields = {}) =>
      write(`${JSON.stringify({ time: new Date().toISOString(), level, scope, message, ...fields })}\n`);
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}

/** For work started in the background: its failure is logged by message only, never with a payload. */
export function logFailure(log: Logger, message: string, error: unknown): void {
  log.error(message, { error: error instanceof Error ? error.message : String(error) });
}
