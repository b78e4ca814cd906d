import { ArrowRight, type LucideIcon } from 'lucide-react';
import { routeHref } from '../routing/routes';
import { EmptyState } from '../screens/EmptyState';
import { Page } from '../screens/Page';
import { AddWatchButton } from './AddWatchButton';

interface NoAccountsPageProps {
  title: string;
  lede: string;
  icon: LucideIcon;
  /** What this page will show once there is an account. */
  guidance: string;
}

/** A page that needs an account, before there is one: the two ways to add one, side by side. */
export function NoAccountsPage({ title, lede, icon, guidance }: NoAccountsPageProps) {
  return (
    <Page title={title} lede={lede}>
      <EmptyState
        icon={icon}
        headline="No accounts yet"
        guidance={guidance}
        actions={
          <>
            <AddWatchButton primary />
            <a className="button" href={routeHref('devices')}>
              Go to Devices
              <ArrowRight size={14} aria-hidden="true" />
            </a>
          </>
        }
      />
    </Page>
  );
}
