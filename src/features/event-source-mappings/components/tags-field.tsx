import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { Controller, get, useFieldArray, useFormState } from 'react-hook-form';
import { TAG_LIMITS } from '../form/mapping-form-schema.ts';
import type { MappingFormControl } from './mapping-form-fields.ts';
import { arrayErrorMessage } from './source-access-rows.tsx';

/** Props of {@link TagsField}. */
export interface TagsFieldProps {
  control: MappingFormControl;
  /** Shown above the rows (e.g. how tags are saved on an existing mapping). */
  description?: string;
  /** Rows cannot be changed (e.g. the tags could not be read). */
  disabled?: boolean;
}

/**
 * `Tags` as key/value rows (Cloudscape AttributeEditor): up to 50, keys 1–128 and values 0–256
 * characters (service model `TagKey`/`TagValue`). Each row's messages appear on it; the count
 * message below the list.
 */
export function TagsField({ control, description, disabled = false }: TagsFieldProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'Tags' });
  const { errors, isSubmitted } = useFormState({ control, name: 'Tags' });
  const rowError = (index: number, leaf: 'Key' | 'Value') =>
    (get(errors, `Tags.${index}.${leaf}`) as { message?: string } | undefined)?.message;
  return (
    <FormField
      label="Tags"
      description={description}
      errorText={isSubmitted ? arrayErrorMessage(errors.Tags) : undefined}
      stretch
    >
      <AttributeEditor
        items={fields}
        addButtonText="Add tag"
        removeButtonText="Remove"
        onAddButtonClick={() => append({ Key: '', Value: '' })}
        onRemoveButtonClick={({ detail }) => remove(detail.itemIndex)}
        disableAddButton={disabled || fields.length >= TAG_LIMITS.maxTags}
        isItemRemovable={() => !disabled}
        empty="No tags."
        additionalInfo={`Up to ${TAG_LIMITS.maxTags} tags. Keys starting with aws: are reserved.`}
        definition={(['Key', 'Value'] as const).map((leaf) => ({
          label: leaf,
          errorText: (_item: unknown, index: number) => rowError(index, leaf),
          control: (_item: unknown, index: number) => (
            <Controller
              control={control}
              name={`Tags.${index}.${leaf}`}
              render={({ field, fieldState }) => (
                <Input
                  ref={field.ref}
                  value={field.value}
                  onChange={({ detail }) => field.onChange(detail.value)}
                  onBlur={field.onBlur}
                  invalid={fieldState.invalid}
                  readOnly={disabled}
                  placeholder={leaf === 'Key' ? 'team' : 'payments'}
                  ariaLabel={`${leaf} of tag ${index + 1}`}
                  spellcheck={false}
                  autoComplete={false}
                />
              )}
            />
          ),
        }))}
      />
    </FormField>
  );
}
