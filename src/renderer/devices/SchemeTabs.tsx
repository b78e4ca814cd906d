import type { KeyboardEvent, RefObject } from 'react';
import type { DiscoveryScheme } from '../../shared/devices';
import { SCHEMES } from './schemes';

interface SchemeTabsProps {
  idPrefix: string;
  value: DiscoveryScheme;
  onChange(scheme: DiscoveryScheme): void;
  /** The selected tab, where the dialog puts focus when it opens. */
  selectedTab: RefObject<HTMLButtonElement | null>;
}

export const tabId = (prefix: string, scheme: DiscoveryScheme) => `${prefix}-tab-${scheme}`;
export const panelId = (prefix: string, scheme: DiscoveryScheme) => `${prefix}-panel-${scheme}`;

/** The derivation schemes as tabs, with the arrow keys moving between them as in any tab list. */
export function SchemeTabs({ idPrefix, value, onChange, selectedTab }: SchemeTabsProps) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const current = SCHEMES.findIndex((info) => info.scheme === value);
    const next = SCHEMES[(current + step + SCHEMES.length) % SCHEMES.length]?.scheme ?? value;
    onChange(next);
    document.getElementById(tabId(idPrefix, next))?.focus();
  }

  return (
    <div className="scheme-tabs" role="tablist" aria-label="Derivation scheme" onKeyDown={onKeyDown}>
      {SCHEMES.map((info) => (
        <button
          key={info.scheme}
          id={tabId(idPrefix, info.scheme)}
          ref={info.scheme === value ? selectedTab : undefined}
          type="button"
          role="tab"
          className="scheme-tabs__tab"
          aria-selected={info.scheme === value}
          aria-controls={panelId(idPrefix, info.scheme)}
          tabIndex={info.scheme === value ? 0 : -1}
          onClick={() => onChange(info.scheme)}
        >
          {info.name}
        </button>
      ))}
    </div>
  );
}
