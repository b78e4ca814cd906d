import type { appCalls } from '../../shared/api/calls/app';
import type { AppInfo } from '../../shared/api/contract';
import type { FamilyHandlers } from './router';

/** What About and bug reports show: the app's own name and version, and the runtime it found itself in. */
export function appHandlers(
  app: Pick<AppInfo, 'name' | 'version' | 'host'>,
  electronVersion: string | null,
): FamilyHandlers<typeof appCalls> {
  const info: AppInfo = {
    ...app,
    platform: process.platform,
    arch: process.arch,
    runtime: { node: process.versions.node, electron: electronVersion },
  };
  return { 'app.info': () => info };
}
