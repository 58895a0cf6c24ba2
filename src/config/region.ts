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
