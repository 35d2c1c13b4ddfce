// A Beacon server over a real DuckDB file holding the dashboard data set
// (60 days ending yesterday, loaded over HTTP), and the link that signs in.
import { generateDashboardData, addDays, DASHBOARD_CAMPAIGNS, type DashboardData } from './dashboard-data.js';
import { call, startTestServer, type TestServer } from './test-server.js';

export interface DashboardServer extends TestServer {
  data: DashboardData;
  /** Yesterday (UTC): the last day of data, and the end of the "last N days" presets. */
  end: string;
  /** The page with a key in its fragment (the read key unless told), as `beacon demo` prints it. */
  link(path?: string, key?: string): string;
}

export async function startDashboardServer(dir: string): Promise<DashboardServer> {
  const server = await startTestServer(dir);
  const end = addDays(new Date().toISOString().slice(0, 10), -1);
  const data = generateDashboardData(end, 60);
  const send = async (path: string, body: unknown) => {
    const answer = await call(server.url, 'POST', path, { key: server.keys.ingest, body: JSON.stringify(body) });
    if (answer.status !== 200 || answer.body.rejected > 0) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  await send('/v1/import/campaigns', DASHBOARD_CAMPAIGNS.map((c) => ({ campaign_id: c.id, name: c.name, platform: c.platform, objective: 'conversion' })));
  await send('/v1/import/ad_performance', data.ads);
  await send('/v1/events', data.events);
  return {
    ...server,
    data,
    end,
    link: (path = '/', key = server.keys.read) => `${server.url}${path}#key=${key}`,
  };
}

/** Money as the dashboard shows it: whole units from 1,000, else cents. */
export function dollars(value: number): string {
  const digits = Math.abs(value) >= 1000 ? 0 : 2;
  return `$${Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`.replace(/^/, value < 0 ? '-' : '');
}
