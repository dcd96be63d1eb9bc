const STORAGE_KEY = 'budgetDesk.token';

/**
 * The browser-mode access token. The server prints a URL with `#token=…`; the fragment never
 * reaches any server. The page keeps the token for this tab in sessionStorage (so a reload still
 * works) and removes it from the address bar.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(STORAGE_KEY, match[1]);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return match[1];
  }
  return storage.getItem(STORAGE_KEY);
}
