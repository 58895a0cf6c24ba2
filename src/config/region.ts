import { configuredRegions, type RuntimeConfig } from './env.ts';

/** The URL query parameter that holds the selected region, e.g. `/?region=eu-west-1`. */
export const REGION_SEARCH_PARAM = 'region';

/**
 * The region named in a URL's query, if the configuration offers it.
 * @param search `location.search` (`?region=eu-west-1&…`) or parsed search params.
 * @param config the regions on offer (`region` and `regions`).
 * @returns the region, or `undefined` when the URL names none or one that is not configured.
 */
export function regionFromSearch(
  search: string | URLSearchParams,
  config: Pick<RuntimeConfig, 'region' | 'regions'>,
): string | undefined {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const region = params.get(REGION_SEARCH_PARAM);
  return region !== null && configuredRegions(config).includes(region) ? region : undefined;
}

/** Notification id of {@link unconfiguredRegionMessage}'s message: one at a time. */
export const UNCONFIGURED_REGION_NOTICE_ID = 'unconfigured-region';

/**
 * What to say when a URL's `?region=` names a region the configuration does not offer (a typo,
 * or a link from a console configured with other regions): the console shows `shownRegion`
 * instead, and whoever followed the link must know the view is not the one meant.
 * @param requested the URL's `region` param (`searchParams.get('region')`).
 * @param config the regions on offer (`region` and `regions` of config.json).
 * @param shownRegion the region shown instead (the active one).
 * @returns `{ header, content }`, e.g. "Region xx-nowhere-1 is not configured; showing
 *   us-east-1", or `undefined` when the URL names no region, an empty one or a configured one.
 */
export function unconfiguredRegionMessage(
  requested: string | null,
  config: Pick<RuntimeConfig, 'region' | 'regions'>,
  shownRegion: string,
): { header: string; content: string } | undefined {
  const regions = configuredRegions(config);
  if (!requested || regions.includes(requested)) return undefined;
  return {
    header: `Region ${requested} is not configured; showing ${shownRegion}`,
    content: `The link names region ${requested}, which config.json does not list (it lists ${regions.join(', ')}), so it was left out.`,
  };
}
