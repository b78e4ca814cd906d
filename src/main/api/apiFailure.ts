import { ApiError, type ApiFailure, type ErrorCode } from '../../shared/api/envelope';
import { boundDetail, readsAsSentence, userMessage } from '../../shared/api/userErrors';

/** A failure as the page gets it, and whether it was a refusal the service meant or a fault of the app. */
export interface ExplainedFailure {
  failure: ApiFailure;
  expected: boolean;
}

/** How far down a chain of causes the raw text is collected; a cycle or a deep wrap stops here. */
const MAX_CAUSES = 4;

function textOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** Each cause's message, outermost first. */
function causeTexts(error: unknown): string[] {
  const texts: string[] = [];
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < MAX_CAUSES; depth++) {
    texts.push(textOf(cause));
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return texts;
}

/** A failure whose message is the code's sentence or a sentence of its own, with any raw text as detail. */
export function failure(code: ErrorCode, message: string | null, raw: readonly string[] = []): ApiFailure {
  const own = message !== null && readsAsSentence(message) ? message.trim() : null;
  const texts: string[] = [];
  // A wrapper often repeats its cause's words ("No endpoint answered. Last: …"): each text is said once.
  for (const text of [...(own === null && message ? [message] : []), ...raw].map((t) => t.trim())) {
    if (text && !texts.some((said) => said.includes(text))) texts.push(text);
  }
  const detail = boundDetail(texts.join('\n'));
  return { code, message: own ?? userMessage(code), ...(detail ? { detail } : {}) };
}

/**
 * What the page is told about an error a handler threw. An ApiError keeps its code, and its message when it
 * reads as a sentence; anything else (a library's error, a node's answer passed up as is) is `internal`. In
 * both, the raw text (the error's detail, a message that is not a sentence, its causes) becomes the detail,
 * never the message.
 */
export function explainError(error: unknown): ExplainedFailure {
  if (error instanceof ApiError) {
    const raw = [...(error.detail ? [error.detail] : []), ...causeTexts(error)];
    return { failure: failure(error.code, error.message, raw), expected: true };
  }
  return { failure: failure('internal', null, [textOf(error), ...causeTexts(error)]), expected: false };
}
