import { ArrowRight, Check } from 'lucide-react';
import { useId } from 'react';
import { routeHref, type Route } from '../routing/routes';
import { EmptyState } from './EmptyState';
import { Page } from './Page';
import type { PlannedScreen } from './plannedScreens';
import './PlannedScreenPage.css';

interface PlannedScreenPageProps {
  route: Route;
  screen: PlannedScreen;
}

/** An honest stand-in for a screen that is not built: today's state, what to do now, and what is coming. */
export function PlannedScreenPage({ route, screen }: PlannedScreenPageProps) {
  const capabilitiesId = useId();
  return (
    <Page title={route.title} lede={screen.lede}>
      <EmptyState
        icon={route.icon}
        headline={screen.headline}
        guidance={screen.guidance}
        actions={
          <a className="button button--primary" href={routeHref(screen.next.to)}>
            {screen.next.label}
            <ArrowRight size={14} aria-hidden="true" />
          </a>
        }
      />
      <section className="planned-capabilities" aria-labelledby={capabilitiesId}>
        <div className="planned-capabilities__header">
          <h2 id={capabilitiesId} className="planned-capabilities__title">
            When this screen is ready
          </h2>
          <span className="badge">Coming soon</span>
        </div>
        <ul className="planned-capabilities__list">
          {screen.capabilities.map((capability) => (
            <li key={capability}>
              <Check size={14} aria-hidden="true" />
              <span>{capability}</span>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
