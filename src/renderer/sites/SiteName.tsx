import { originParts } from './siteOrigin';
import './SiteName.css';

interface SiteNameProps {
  origin: string;
  /**
   * `header`: the full origin, large, wrapping rather than shortened, where the user decides whether to trust
   * the site. `row`: one line in a list, shortened at the end with the whole origin on hover.
   */
  variant: 'header' | 'row';
}

/** A site as the browser named it: the host prominent, the scheme quiet beside it. */
export function SiteName({ origin, variant }: SiteNameProps) {
  const { scheme, host } = originParts(origin);
  return (
    <span className="site-name" data-variant={variant} title={origin}>
      {scheme && <span className="site-name__scheme">{scheme}</span>}
      <span className="site-name__host">{host}</span>
    </span>
  );
}
