import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import { Controller, get, useFieldArray, useFormState, useWatch } from 'react-hook-form';
import {
  COMMON_LIMITS,
  SOURCE_ACCESS_TYPES,
  SOURCE_LIMITS,
  describeField,
  isKnownSourceAccessType,
  type SourceType,
} from '../form/source-limits.ts';
import type { MappingFormControl, MappingFormMode } from './mapping-form-fields.ts';

/** A row's type is changeable on an update unless it is VIRTUAL_HOST (AWS_DOCS.sourceAccess). */
function updatable(type: string): boolean {
  return !isKnownSourceAccessType(type) || SOURCE_ACCESS_TYPES[type].updatable;
}

/** What a row's URI takes, or undefined before a type is chosen (and for unknown types). */
function infoOf(type: string | undefined) {
  return type && isKnownSourceAccessType(type) ? SOURCE_ACCESS_TYPES[type] : undefined;
}

/** The error message of an array-level issue (zod puts it on the array, field arrays on `.root`). */
export function arrayErrorMessage(error: unknown): string | undefined {
  const e = error as { message?: unknown; root?: { message?: unknown } } | undefined;
  if (typeof e?.message === 'string') return e.message;
  if (typeof e?.root?.message === 'string') return e.root.message;
  return undefined;
}

/** Props of {@link SourceAccessRows}. */
export interface SourceAccessRowsProps {
  control: MappingFormControl;
  /** The source type: decides which `Type`s are offered (`SOURCE_LIMITS[type].SourceAccessConfigurations`). */
  type: SourceType;
  /** In edit mode VIRTUAL_HOST rows are read-only and cannot be added or removed. */
  mode: MappingFormMode;
}

/**
 * `SourceAccessConfigurations` as typed rows: a `Type` chosen from the types valid for the source
 * (e.g. MQ: BASIC_AUTH, RabbitMQ also VIRTUAL_HOST; self-managed Kafka: SASL/SCRAM, mTLS, VPC…) and
 * its `URI` (a Secrets Manager secret ARN, `subnet:…`, `security_group:…` or a virtual host), with
 * the example URI of the chosen type as placeholder (IAM types take no URI: the input is disabled).
 * Messages about a row appear on it; messages about the whole list (e.g. "MQ requires exactly one
 * BASIC_AUTH") below the list. At most 23 rows (service model 2026-08). A row whose type this
 * console does not know (a newer API) is shown and kept as it is.
 */
export function SourceAccessRows({ control, type, mode }: SourceAccessRowsProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'SourceAccessConfigurations' });
  const rows = useWatch({ control, name: 'SourceAccessConfigurations' });
  const { errors, touchedFields, isSubmitted } = useFormState({
    control,
    name: 'SourceAccessConfigurations',
  });
  const rule = SOURCE_LIMITS[type].SourceAccessConfigurations;
  if (!rule) return null;
  const offered = rule.allowed.filter((t) => mode === 'create' || updatable(t));
  // Types that may appear once (MQ's BASIC_AUTH) or only one of a group (one authentication
  // method) are not offered again once used; the schema still has the last word.
  const group = new Set<string>(rule.atMostOneOf ?? []);
  const taken = (type: string, except?: number) =>
    (rows ?? []).some(
      (row, i) =>
        i !== except &&
        (row.Type === type && type === rule.exactlyOne
          ? true
          : group.has(type) && group.has(row.Type)),
    );
  const addable = offered.filter((t) => !taken(t));
  const addableAfter = (index: number) => offered.filter((t) => !taken(t, index));
  const locked = (index: number) => mode === 'edit' && !updatable(rows?.[index]?.Type ?? '');
  // A row just added is not yet wrong: its messages show once it was left or the form submitted.
  const shown = (index: number, leaf: 'Type' | 'URI') =>
    isSubmitted || Boolean(get(touchedFields, `SourceAccessConfigurations.${index}.${leaf}`));
  const rowError = (index: number, leaf: 'Type' | 'URI'): string | undefined =>
    shown(index, leaf)
      ? (
          get(errors, `SourceAccessConfigurations.${index}.${leaf}`) as
            { message?: string } | undefined
        )?.message
      : undefined;

  return (
    <FormField
      label="SourceAccessConfigurations"
      description={describeField(type, 'SourceAccessConfigurations').help}
      errorText={isSubmitted ? arrayErrorMessage(errors.SourceAccessConfigurations) : undefined}
      stretch
    >
      <AttributeEditor
        items={fields}
        addButtonText="Add source access entry"
        removeButtonText="Remove"
        onAddButtonClick={() =>
          append({ Type: offered.length === 1 ? (offered[0] ?? '') : '', URI: '' })
        }
        onRemoveButtonClick={({ detail }) => remove(detail.itemIndex)}
        disableAddButton={
          fields.length >= COMMON_LIMITS.sourceAccessMaxItems || addable.length === 0
        }
        isItemRemovable={(_item) => !locked(fields.indexOf(_item))}
        empty="No source access entries."
        additionalInfo={
          mode === 'edit' && rule.allowed.some((t) => !updatable(t))
            ? 'VIRTUAL_HOST cannot be changed after creation (UpdateEventSourceMapping does not accept it).'
            : rule.exactlyOne && rule.allowed.length === 1
              ? `Exactly one ${rule.exactlyOne} entry.`
              : `Up to ${COMMON_LIMITS.sourceAccessMaxItems} entries.`
        }
        definition={[
          {
            label: 'Type',
            errorText: (_item, index) => rowError(index, 'Type'),
            control: (_item, index) => (
              <Controller
                control={control}
                name={`SourceAccessConfigurations.${index}.Type`}
                render={({ field, fieldState }) => (
                  <Select
                    ref={field.ref}
                    selectedOption={
                      field.value
                        ? {
                            value: field.value,
                            label: field.value,
                            description:
                              infoOf(field.value)?.label ??
                              'Not known to this console (kept as it is)',
                          }
                        : null
                    }
                    onChange={({ detail }) => {
                      field.onChange(detail.selectedOption.value ?? '');
                      field.onBlur();
                    }}
                    onBlur={field.onBlur}
                    options={addableAfter(index).map((t) => ({
                      value: t,
                      label: t,
                      description: SOURCE_ACCESS_TYPES[t].label,
                    }))}
                    placeholder="Choose a type"
                    invalid={fieldState.invalid && shown(index, 'Type')}
                    disabled={locked(index)}
                    ariaLabel={`Type of entry ${index + 1}`}
                  />
                )}
              />
            ),
          },
          {
            label: 'URI',
            errorText: (_item, index) => rowError(index, 'URI'),
            control: (_item, index) => (
              <Controller
                control={control}
                name={`SourceAccessConfigurations.${index}.URI`}
                render={({ field, fieldState }) => (
                  <Input
                    ref={field.ref}
                    value={field.value ?? ''}
                    onChange={({ detail }) => field.onChange(detail.value)}
                    onBlur={field.onBlur}
                    placeholder={
                      infoOf(rows?.[index]?.Type)?.uriKind === 'none'
                        ? 'No URI for this type'
                        : (infoOf(rows?.[index]?.Type)?.example ??
                          (rows?.[index]?.Type ? '' : 'Choose a type first'))
                    }
                    invalid={fieldState.invalid && shown(index, 'URI')}
                    readOnly={locked(index)}
                    disabled={infoOf(rows?.[index]?.Type)?.uriKind === 'none' && !field.value}
                    ariaLabel={`URI of entry ${index + 1}`}
                    spellcheck={false}
                    autoComplete={false}
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
