import type { MouseEvent, RefObject } from 'react';
import './SkipLink.css';

interface SkipLinkProps {
  /** The console's <main>; it needs tabIndex={-1} to take focus when the page shows no heading. */
  target: RefObject<HTMLElement | null>;
}

/**
 * The first stop for Tab: past the sidebar and the top bar, straight to the screen's content. Hidden until it
 * has focus. It moves focus itself rather than following its href, since the hash names the route here.
 */
export function SkipLink({ target }: SkipLinkProps) {
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    const main = target.current;
    if (!main) return;
    // The page's h1 where there is one: a screen reader then reads where the user landed.
    const heading = main.querySelector<HTMLElement>('h1[tabindex="-1"]');
    (heading ?? main).focus();
  }

  return (
    <a className="skip-link" href="#content" onClick={skip}>
      Skip to content
    </a>
  );
}
