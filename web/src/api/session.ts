// Where the dashboard keeps its API key: sessionStorage only (gone with the
// tab), taken from a `#key=` link once and removed from the address bar, so
// the key is never sent to the server in a URL, logged, or bookmarked.
const STORAGE_KEY = 'beacon.key';

/** Moves a key from the address's `#key=…` into sessionStorage; true when there was one. */
export function takeKeyFromAddress(): boolean {
  const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const key = hash.get('key');
  if (!key) return false;
  storeKey(key);
  hash.delete('key');
  const rest = hash.toString();
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`);
  return true;
}

export function storedKey(): string | null {
  return window.sessionStorage.getItem(STORAGE_KEY);
}

export function storeKey(key: string): void {
  window.sessionStorage.setItem(STORAGE_KEY, key.trim());
}

export function forgetKey(): void {
  window.sessionStorage.removeItem(STORAGE_KEY);
}
