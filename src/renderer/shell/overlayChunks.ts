import { lazyScreen } from '../routing/lazyScreen';
import { preloadSigningSheet } from '../signing/SigningOverlay';
import type { WarmTask } from './warmWhenIdle';

/** A site's request, mounted only while one waits: most sessions never see one. */
export const siteRequestSheet = lazyScreen(() =>
  import('../sites/SiteRequestSheet').then((m) => m.SiteRequestSheet),
);

/** What can open over any screen, to fetch ahead of the first request that needs it. */
export const OVERLAY_CHUNKS: readonly WarmTask[] = [preloadSigningSheet, siteRequestSheet.preload];
