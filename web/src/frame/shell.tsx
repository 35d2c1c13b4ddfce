// The frame around every view: the header (workspace, freshness, sign out),
// one navigation entry per view (carrying the range and filters along), the
// toolbar, and the view itself.
import { Link, Route, Switch, useLocation, useSearch } from 'wouter';
import { VIEWS } from '../views/registry';
import { Notice } from './panel';
import { Toolbar } from './toolbar';
import { useViewState } from './use-view-state';
import { useFreshness, useSettings } from './workspace-data';

export function Shell({ onSignOut }: { onSignOut: () => void }) {
  const [location] = useLocation();
  const search = useSearch();
  const settings = useSettings();
  const current = VIEWS.find((v) => v.path === location);
  return (
    <div className="shell">
      <header className="top">
        <div className="brand">
          <span className="logo" aria-hidden="true">◉</span> Beacon
          {settings.data ? <span className="workspace" data-testid="workspace">{settings.data.workspace}</span> : null}
        </div>
        <nav aria-label="Views">
          {VIEWS.map((v) => (
            <Link key={v.path} href={`${v.path}${search ? `?${search}` : ''}`} className={v.path === location ? 'active' : undefined} aria-current={v.path === location ? 'page' : undefined}>
              {v.label}
            </Link>
          ))}
        </nav>
        <div className="session">
          <LatestData />
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      {current?.usesRange ? <RangeBar /> : null}
      <main>
        <Switch>
          {VIEWS.map((v) => (
            <Route key={v.path} path={v.path} component={v.component} />
          ))}
          <Route>
            <Notice>There is no page at {location}. Pick a view above.</Notice>
          </Route>
        </Switch>
      </main>
    </div>
  );
}

function RangeBar() {
  const { problems } = useViewState();
  return (
    <>
      <Toolbar />
      {problems.map((p) => (
        <Notice key={p}>{p}</Notice>
      ))}
    </>
  );
}

function LatestData() {
  const freshness = useFreshness();
  const latest = (freshness.data?.sources ?? []).map((s) => s.latest_date).filter((d): d is string => !!d).sort().at(-1);
  return latest ? <span className="freshness" title="the latest date loaded, over every source">data through {latest}</span> : null;
}
