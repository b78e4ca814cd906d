import { ArrowRight } from 'lucide-react';
import { routeHref } from '../routing/routes';
import { Page } from './Page';

/** Deliberately does not echo the address: a mistyped link could carry something like a launch secret. */
export function NotFoundPage() {
  return (
    <Page title="Page not found" lede="There is no screen at this address. It may be from a newer version.">
      <div>
        <a className="button" href={routeHref('portfolio')}>
          Go to Portfolio
          <ArrowRight size={14} aria-hidden="true" />
        </a>
      </div>
    </Page>
  );
}
