// Workspaces: isolated tenants of one warehouse, each with its own settings.
import { NotFoundError, ValidationError } from '../core/errors.js';
import { compileChannelSettings } from '../model/channel-grouping.js';
import { DEFAULT_SETTINGS, DERIVATION_SETTINGS, checkSettings, mergeSettings, type WorkspaceSettings } from '../model/settings.js';
import type { DerivedViewMaintainer, MetadataStore, Workspace } from '../warehouse/warehouse.js';

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const DEFAULT_WORKSPACE = 'default';

export interface WorkspaceOptions {
  currency?: string;
  timezone?: string;
}

export async function createWorkspace(warehouse: MetadataStore, name: string, options: WorkspaceOptions = {}): Promise<Workspace> {
  if (!NAME.test(name)) {
    throw new ValidationError(`invalid workspace name "${name}": use 1–64 lower-case letters, digits, "-" or "_"`);
  }
  const settings = checkSettings({
    ...DEFAULT_SETTINGS,
    ...(options.currency ? { currency: options.currency.toUpperCase() } : {}),
    ...(options.timezone ? { timezone: options.timezone } : {}),
  });
  const workspace = { name, settings, createdAt: new Date().toISOString() };
  await warehouse.createWorkspace(workspace);
  return workspace;
}

/** The workspace, created with defaults first when it is the default one. */
export async function ensureWorkspace(warehouse: MetadataStore, name: string): Promise<Workspace> {
  const found = await warehouse.getWorkspace(name);
  if (found) return found;
  if (name === DEFAULT_WORKSPACE) return createWorkspace(warehouse, name);
  throw new NotFoundError(`unknown workspace "${name}"; create it with: beacon workspaces create ${name}`);
}

export async function requireWorkspace(warehouse: MetadataStore, name: string): Promise<Workspace> {
  const found = await warehouse.getWorkspace(name);
  if (!found) throw new NotFoundError(`unknown workspace "${name}"`);
  return found;
}

/** Changes settings; a change to how events are derived marks the derived view for a rebuild. */
export async function updateSettings(
  warehouse: MetadataStore & DerivedViewMaintainer,
  name: string,
  patch: Record<string, unknown>,
): Promise<WorkspaceSettings> {
  const workspace = await requireWorkspace(warehouse, name);
  const next = mergeSettings(workspace.settings, patch);
  // Channel rules are regexes: refuse bad ones now, not at the next refresh.
  compileChannelSettings({ ownHosts: next.own_hosts, rules: next.channel_rules });
  await warehouse.saveSettings(name, next);
  const changed = DERIVATION_SETTINGS.some((k) => JSON.stringify(workspace.settings[k]) !== JSON.stringify(next[k]));
  if (changed) await warehouse.invalidateDerived(name);
  return next;
}
