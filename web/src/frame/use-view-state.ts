// The view state of the current address, and the way to change it: every
// change is a navigation, so Back, reload and a shared link show the same.
import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { localToday } from './date-range';
import { formatViewState, parseViewState, withParams, type ViewState } from './url-state';

export function useViewState() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const today = useMemo(() => localToday(), []);
  const parsed = useMemo(() => parseViewState(search, today), [search, today]);

  const update = useCallback(
    (change: (state: ViewState) => ViewState) => navigate(`${location}${formatViewState(change(parsed.state))}`),
    [location, navigate, parsed.state],
  );

  /** Sets (or with null removes) one of the view's own parameters. */
  const setParam = useCallback(
    (name: string, value: string | null) => update((state) => ({ ...state, params: withParams(state.params, { [name]: value === '' ? null : value }) })),
    [update],
  );

  return { ...parsed, today, update, setParam };
}
