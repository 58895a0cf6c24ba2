import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import FormField from '@cloudscape-design/components/form-field';
import Textarea from '@cloudscape-design/components/textarea';
import { Controller, get, useFieldArray, useFormState } from 'react-hook-form';
import { COMMON_LIMITS, describeField, type SourceType } from '../form/source-limits.ts';
import type { MappingFormControl } from './mapping-form-fields.ts';
import { arrayErrorMessage } from './source-access-rows.tsx';

/** An example pattern per source, in the shape of that source's records. */
const EXAMPLE: Partial<Record<SourceType, string>> = {
  sqs: '{"body": {"status": ["active"]}}',
  'sqs-fifo': '{"body": {"status": ["active"]}}',
  kinesis: '{"data": {"type": ["order"]}}',
  dynamodb: '{"eventName": ["INSERT"]}',
  documentdb: '{"operationType": ["insert"]}',
};

/** Props of {@link FilterCriteriaField}. */
export interface FilterCriteriaFieldProps {
  control: MappingFormControl;
  type: SourceType;
}

/**
 * `FilterCriteria.Filters`: a list of JSON event-filter patterns, one text area each. The schema
 * checks each pattern (valid JSON, an object whose values to match are in arrays, ≤ 4,096
 * characters); its message appears under that pattern. Records matching any pattern are processed.
 * Up to 10 patterns (a raised quota's most); past the default quota of 5 it says that more needs a
 * raised quota, and Lambda is the authority (COMMON_LIMITS). No patterns = no
 * filtering (on edit, removing every pattern sends the empty `FilterCriteria` AWS expects).
 */
export function FilterCriteriaField({ control, type }: FilterCriteriaFieldProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'FilterCriteria.Filters' });
  const { errors, touchedFields, isSubmitted } = useFormState({
    control,
    name: 'FilterCriteria.Filters',
  });
  // A pattern just added is not yet wrong: say so once it was left or the form was submitted.
  const shown = (index: number) =>
    isSubmitted || Boolean(get(touchedFields, `FilterCriteria.Filters.${index}.Pattern`));
  const max = COMMON_LIMITS.maxRaisedFilters;
  const quota = COMMON_LIMITS.defaultMaxFilters;
  return (
    <FormField
      label="FilterCriteria"
      description={describeField(type, 'FilterCriteria').help}
      errorText={isSubmitted ? arrayErrorMessage(get(errors, 'FilterCriteria.Filters')) : undefined}
      stretch
    >
      <AttributeEditor
        items={fields}
        addButtonText="Add filter pattern"
        removeButtonText="Remove"
        onAddButtonClick={() => append({ Pattern: '' })}
        onRemoveButtonClick={({ detail }) => remove(detail.itemIndex)}
        disableAddButton={fields.length >= max}
        empty="No filters: every record is processed."
        additionalInfo={
          fields.length > quota
            ? `More than ${quota} patterns needs a raised quota (Service Quotas, up to ${max}); without one Lambda refuses the request.`
            : `Up to ${quota} patterns (the default quota; up to ${max} with a raised quota).`
        }
        definition={[
          {
            label: 'Pattern',
            errorText: (_item, index) =>
              shown(index) &&
              (
                get(errors, `FilterCriteria.Filters.${index}.Pattern`) as
                  { message?: string } | undefined
              )?.message,
            control: (_item, index) => (
              <Controller
                control={control}
                name={`FilterCriteria.Filters.${index}.Pattern`}
                render={({ field, fieldState }) => (
                  <Textarea
                    ref={field.ref}
                    value={field.value ?? ''}
                    onChange={({ detail }) => field.onChange(detail.value)}
                    onBlur={field.onBlur}
                    placeholder={EXAMPLE[type] ?? '{"value": {"type": ["order"]}}'}
                    invalid={fieldState.invalid && shown(index)}
                    rows={2}
                    spellcheck={false}
                    ariaLabel={`Filter pattern ${index + 1}`}
                  />
                )}
              />
            ),
          },
        ]}
      />
    </FormField>
  );
}
