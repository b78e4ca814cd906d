/**
 * Takes the pairing invite out of the address bar: it is single use and secret, so it must not stay in the
 * history, a bookmark or a shared link. Returns the full URL the protocol client parses, or null.
 */
export function takeInvite(win: Pick<Window, 'location' | 'history'>): string | null {
  const { location, history } = win;
  if (location.hash.length <= 1) return null;
  const url = location.href;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return url;
}

export function watchInvites(win: Window, listener: (url: string) => void): () => void {
  const onHashChange = () => {
    const url = takeInvite(win);
    if (url) listener(url);
  };
  win.addEventListener('hashchange', onHashChange);
  return () => win.removeEventListener('hashchange', onHashChange);
}
