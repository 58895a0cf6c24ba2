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
    /** @returns `/mappings/new` (the create form). */
    getHref: () => '/mappings/new',
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
