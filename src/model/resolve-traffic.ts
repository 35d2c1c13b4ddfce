// Channel of a touch for the derived view: explicit channel, else the
// workspace's channel rules on its UTM tags / click id / referrer, else the
// channel of the campaign it resolved to, else its platform's default.
import type { WorkspaceSettings } from './settings.js';
import { classifyTraffic, compileChannelSettings, platformChannel } from './channel-grouping.js';
import type { ClickIdKind } from './touch-params.js';

/** What the derived view knows of a touch when it resolves its channel. */
export interface TrafficTuple {
  event_type: string;
  explicit_channel: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  click_id_kind: string | null;
  referrer_host: string | null;
  campaign_channel: string | null;
  campaign_platform: string | null;
}

export interface ResolvedTraffic {
  source: string | null;
  medium: string | null;
  channel: string;
}

const UNINFORMATIVE = new Set(['Direct', 'Unassigned']);

export function trafficResolver(settings: WorkspaceSettings): (tuple: TrafficTuple) => ResolvedTraffic {
  const rules = compileChannelSettings({ ownHosts: settings.own_hosts, rules: settings.channel_rules });
  return (tuple) => {
    const traffic = classifyTraffic(
      {
        utm_source: tuple.utm_source ?? undefined,
        utm_medium: tuple.utm_medium ?? undefined,
        utm_campaign: tuple.utm_campaign ?? undefined,
        click_id_kind: (tuple.click_id_kind as ClickIdKind | null) ?? undefined,
        referrer_host: tuple.referrer_host ?? undefined,
        event_type: tuple.event_type,
      },
      rules,
    );
    if (tuple.explicit_channel) return { ...traffic, channel: tuple.explicit_channel };
    if (UNINFORMATIVE.has(traffic.channel)) {
      const fromCampaign = tuple.campaign_channel ?? (tuple.campaign_platform ? platformChannel(tuple.campaign_platform) : undefined);
      if (fromCampaign) return { ...traffic, channel: fromCampaign };
    }
    return traffic;
  };
}
