import { createContext, useContext } from 'react';

/**
 * Whether focus is still where a page put it (a heading, or nowhere) rather than somewhere the user moved it:
 * a section that mounts late may only take focus from the former.
 */
function isResting(element: Element | null): boolean {
  return element === null || element === document.body || /^H[1-6]$/.test(element.tagName);
}

/**
 * The headings of the Settings sections on the page, by title. A deep link may name a section that is not
 * there yet (Sync mounts once its state has loaded): the request waits and is met when the heading arrives,
 * unless the user has moved focus meanwhile.
 */
export class SectionAnchors {
  readonly #headings = new Map<string, HTMLElement>();
  readonly #listeners = new Set<() => void>();
  #wanted: string | null = null;

  /** A section's heading is on the page; returns its removal. */
  add(title: string, heading: HTMLElement): () => void {
    this.#headings.set(title, heading);
    if (this.#wanted === title) {
      this.#wanted = null;
      if (isResting(document.activeElement)) show(heading);
    }
    this.#notify();
    return () => {
      if (this.#headings.get(title) === heading) this.#headings.delete(title);
      this.#notify();
    };
  }

  heading(title: string): HTMLElement | undefined {
    return this.#headings.get(title);
  }

  /** Brings the section to the top of the view and focuses its heading, now or as soon as it mounts. */
  reveal(title: string): void {
    const heading = this.#headings.get(title);
    this.#wanted = heading ? null : title;
    if (heading) show(heading);
  }

  /** Drops a request still waiting for its section: the user went elsewhere first. */
  forget(): void {
    this.#wanted = null;
  }

  /** Called when a heading comes or goes, since that moves the ones below it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

function show(heading: HTMLElement): void {
  heading.scrollIntoView({ block: 'start' });
  // Already in place: focusing must not scroll again to the heading's nearest edge.
  heading.focus({ preventScroll: true });
}

const SectionAnchorsContext = createContext<SectionAnchors | null>(null);

export const SectionAnchorsProvider = SectionAnchorsContext.Provider;

/** The Settings page's anchors; none where a section is used on another screen (Pairing). */
export function useSectionAnchors(): SectionAnchors | null {
  return useContext(SectionAnchorsContext);
}
