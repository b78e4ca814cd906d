import type { Finding } from '../../shared/review';
import { finding } from '../review/findings/finding';
import { lookAlikeOf } from './lookAlikeSite';

/** A site connected more recently than this is still new to the user: phishing sites live for hours. */
export const FIRST_VISIT_MS = 24 * 60 * 60 * 1000;

/**
 * What the wallet knows about the site itself, to lead every review of its requests: who asks, whether the
 * user has known it for a day, and whether its name imitates a site the user connected before. `known` is
 * every site the user connected, this one included when it is.
 */
export function siteFindings(
  origin: string,
  known: { origin: string; connectedAt: number }[],
  now: number = Date.now(),
): Finding[] {
  // Who asks comes first: every other sentence of the review is about what this site wants. The origin is
  // named once, here; the sentences below say "this site", so two 300-character origins never overflow one.
  const found: Finding[] = [finding('site-origin', 'info', `Requested by ${origin}`)];
  const lookalike = lookAlikeOf(
    origin,
    known.map((site) => site.origin).filter((other) => other !== origin),
  );
  if (lookalike) {
    found.push(
      finding(
        'look-alike-site',
        'warning',
        `This site looks like ${lookalike}, a site you connected before, but it is another site. ` +
          'Phishing sites copy the names of real ones: check the address bar letter by letter.',
      ),
    );
  }
  const self = known.find((site) => site.origin === origin);
  if (!self || now - self.connectedAt < FIRST_VISIT_MS) {
    found.push(
      finding(
        'first-visit-site',
        'warning',
        self
          ? 'You connected this site less than a day ago. Make sure it is the site you meant to use.'
          : 'This is not a site you connected before. Make sure it is the site you meant to use.',
      ),
    );
  }
  return found;
}
