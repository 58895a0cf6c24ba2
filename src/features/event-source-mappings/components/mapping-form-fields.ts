import type { Control } from 'react-hook-form';
import type { MappingFormOutput, MappingFormValues } from '../form/mapping-form-schema.ts';
import type { SourceType } from '../form/source-limits.ts';

/**
 * What the mapping form holds: {@link MappingFormValues} (AWS request paths as field paths,
 * numbers as strings), except that the source type may still be unchosen (`''`), which the schema
 * refuses with an issue on `sourceType`.
 */
export type MappingFormFields = Omit<MappingFormValues, 'sourceType'> & {
  sourceType: SourceType | '';
};

/** Create a new mapping, or edit an existing one (only what UpdateEventSourceMapping can change). */
export type MappingFormMode = 'create' | 'edit';

/** The react-hook-form control of the mapping form (values in, parsed request values out). */
export type MappingFormControl = Control<MappingFormFields, unknown, MappingFormOutput>;
