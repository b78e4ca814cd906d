/**
 * What to tell the user about a failure: main's message for an ApiCallError (written to be read), the
 * transport's for a lost connection.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
