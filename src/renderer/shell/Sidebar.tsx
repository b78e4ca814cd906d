import { useId } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import { ROUTES, routeHref, type RouteGroup, type RouteId } from '../routing/routes';
import { LedgerlineMark } from './LedgerlineMark';
import './Sidebar.css';

/** Settings stands alone at the foot of the sidebar, so its group needs no heading. */
const GROUPS: readonly { group: RouteGroup; label: string | null }[] = [
  { group: 'wallet', label: 'Wallet' },
  { group: 'signers', label: 'Signers' },
  { group: 'app', label: null },
];

const HOST_LABEL: Record<AppInfo['host'], string> = { electron: 'Desktop', browser: 'Browser host' };

interface SidebarProps {
  /** Null on a page that is not a route, so no item claims to be current. */
  activeRouteId: RouteId | null;
  info: AppInfo;
  /** What waits for the user on a screen (requests from sites), counted beside its link when above zero. */
  waiting?: Partial<Record<RouteId, number>>;
}

export function Sidebar({ activeRouteId, info, waiting = {} }: SidebarProps) {
  const idPrefix = useId();
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <LedgerlineMark />
        <span className="sidebar__name">{info.name}</span>
      </div>
      <nav className="sidebar__nav" aria-label="Main">
        {GROUPS.map(({ group, label }) => (
          <div key={group} className="sidebar__group" data-group={group}>
            {label && (
              <span className="sidebar__group-label" id={`${idPrefix}-${group}`}>
                {label}
              </span>
            )}
            <ul aria-labelledby={label ? `${idPrefix}-${group}` : undefined}>
              {ROUTES.filter((route) => route.group === group).map(({ id, title, icon: Icon }) => {
                const count = waiting[id] ?? 0;
                return (
                  <li key={id}>
                    <a
                      className="sidebar__link"
                      href={routeHref(id)}
                      aria-current={id === activeRouteId ? 'page' : undefined}
                    >
                      <Icon size={16} aria-hidden="true" />
                      <span>{title}</span>
                      {count > 0 && (
                        <span className="sidebar__count">
                          {count}
                          <span className="visually-hidden"> waiting</span>
                        </span>
                      )}
                    </a>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </nav>
      <p className="sidebar__build">
        <span>v{info.version}</span>
        <span className="sidebar__build-sep" aria-hidden="true">
          ·
        </span>
        <span>{HOST_LABEL[info.host]}</span>
      </p>
    </aside>
  );
}
