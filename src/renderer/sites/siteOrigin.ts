/** An origin split for display: the host is what the user recognises a site by, the scheme is context. */
export interface OriginParts {
  /** "https://" or "http://". */
  scheme: string;
  /** "app.example.org", with ":8080" when the origin names a port. */
  host: string;
}

/**
 * Splits an origin as main reports it (scheme, host and optional port, never a path). Anything else is shown
 * whole as the host, so an unexpected value is never hidden or shortened into something it is not.
 */
export function originParts(origin: string): OriginParts {
  const match = /^(https?:\/\/)([^/]+)$/.exec(origin);
  return match ? { scheme: match[1] ?? '', host: match[2] ?? origin } : { scheme: '', host: origin };
}
