/** Filters of the mappings list that live in its URL, named as in `ListEventSourceMappings`. */
export interface MappingsSearch {
  FunctionName?: string;
  EventSourceArn?: string;
}

/** The console's routes: a router pattern and a function building links to it. */
export const paths = {
  mappings: {
    path: '/',
    /**
     * @param search server-side filters to keep in the URL (empty values are left out).
     * @returns e.g. `/?FunctionName=orders-handler`.
     */
    getHref: (search: MappingsSearch = {}) => {
      const params = new URLSearchParams();
      if (search.FunctionName) params.set('FunctionName', search.FunctionName);
      if (search.EventSourceArn) params.set('EventSourceArn', search.EventSourceArn);
      const query = params.toString();
      return query ? `/?${query}` : '/';
    },
  },
  mapping: {
    path: '/mappings/:uuid',
    /**
     * @param uuid the mapping's UUID.
     * @returns `/mappings/<UUID>` (percent-encoded).
     */
    getHref: (uuid: string) => `/mappings/${encodeURIComponent(uuid)}`,
  },
  newMapping: {
    path: '/mappings/new',
    /**
     * @param options `clone`: the UUID of a mapping to start from (the create form pre-filled from
     *   it); `region`: the region to create in (default: the active one).
     * @returns `/mappings/new`, e.g. `/mappings/new?clone=<UUID>&region=eu-west-1`.
     */
    getHref: (options: { clone?: string; region?: string } = {}) => {
      const params = new URLSearchParams();
      if (options.clone) params.set('clone', options.clone);
      if (options.region) params.set('region', options.region);
      const query = params.toString();
      return query ? `/mappings/new?${query}` : '/mappings/new';
    },
  },
  editMapping: {
    path: '/mappings/:uuid/edit',
    /**
     * @param uuid the mapping's UUID.
     * @returns `/mappings/<UUID>/edit` (percent-encoded).
     */
    getHref: (uuid: string) => `/mappings/${encodeURIComponent(uuid)}/edit`,
  },
} as const;
