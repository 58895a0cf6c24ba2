import type { ListViewRules } from './list-view-state.ts';
import { SORTABLE_COLUMN_IDS } from './mapping-columns.tsx';
import { MAPPING_FILTERING_PROPERTIES, MAPPING_PROPERTY_KEYS } from './mapping-rows.ts';

/**
 * What a link to the mappings list is read against ({@link ListViewRules}): the property filter's
 * properties and their operators ({@link MAPPING_FILTERING_PROPERTIES}), the sortable columns, and
 * the number properties: those offering `<` (in this table only `BatchSize`, a number in
 * `MappingRow`, compared by collection-hooks as a primitive: `100 > 'abc'` matches nothing).
 */
export const MAPPINGS_VIEW_RULES: ListViewRules = {
  propertyKeys: MAPPING_PROPERTY_KEYS,
  columns: SORTABLE_COLUMN_IDS,
  filteringProperties: MAPPING_FILTERING_PROPERTIES,
  numberProperties: new Set(
    MAPPING_FILTERING_PROPERTIES.filter((p) => p.operators?.includes('<')).map((p) => p.key),
  ),
};
