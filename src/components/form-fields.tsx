import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import RadioGroup, { type RadioGroupProps } from '@cloudscape-design/components/radio-group';
import Textarea from '@cloudscape-design/components/textarea';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

/** Props every field wrapper shares: where the value lives and what the field says about it. */
export interface FieldProps<T extends FieldValues> {
  /** The react-hook-form control of the form (whatever its parsed output type). */
  control: Control<T, unknown, FieldValues>;
  /** The field's path in the form values, e.g. `DestinationConfig.OnFailure.Destination`. */
  name: FieldPath<T>;
  /** Label (the console uses AWS's member names). */
  label: ReactNode;
  /** Shown between the label and the control. */
  description?: ReactNode;
  /** Shown below the control: units, limits and AWS's default. */
  constraintText?: ReactNode;
  /** Greys the control out. */
  disabled?: boolean;
}

/**
 * A text input bound to a react-hook-form field holding a string. The validation message of the
 * field (client-side from the schema, or set from a server error) is shown as the FormField's
 * error text, next to the field. The input's ref is handed to react-hook-form, so the first field
 * in error can be focused.
 * @param props.placeholder e.g. AWS's default value.
 * @param props.inputMode `numeric` for whole numbers (the schema still checks them).
 * @param props.readOnly shows the value without letting it change.
 */
export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  constraintText,
  disabled,
  placeholder,
  inputMode,
  readOnly,
  type = 'text',
}: FieldProps<T> & {
  placeholder?: string;
  inputMode?: InputProps.InputMode;
  readOnly?: boolean;
  type?: InputProps.Type;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField
          label={label}
          description={description}
          constraintText={constraintText}
          errorText={fieldState.error?.message}
          stretch
        >
          <Input
            ref={field.ref}
            value={typeof field.value === 'string' ? field.value : String(field.value ?? '')}
            onChange={({ detail }) => field.onChange(detail.value)}
            onBlur={field.onBlur}
            placeholder={placeholder}
            inputMode={inputMode}
            disabled={disabled}
            readOnly={readOnly}
            invalid={fieldState.invalid}
            type={type}
            spellcheck={false}
            autoComplete={false}
          />
        </FormField>
      )}
    />
  );
}

/**
 * A multi-line text input bound to a string field (e.g. one JSON filter pattern).
 * @param props.rows visible lines.
 */
export function TextareaField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  constraintText,
  disabled,
  placeholder,
  rows = 3,
}: FieldProps<T> & { placeholder?: string; rows?: number }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField
          label={label}
          description={description}
          constraintText={constraintText}
          errorText={fieldState.error?.message}
          stretch
        >
          <Textarea
            ref={field.ref}
            value={typeof field.value === 'string' ? field.value : ''}
            onChange={({ detail }) => field.onChange(detail.value)}
            onBlur={field.onBlur}
            placeholder={placeholder}
            disabled={disabled}
            invalid={fieldState.invalid}
            rows={rows}
            spellcheck={false}
          />
        </FormField>
      )}
    />
  );
}

/**
 * A checkbox bound to a boolean field.
 * @param props.text the checkbox's own text (the FormField label may be omitted).
 */
export function CheckboxField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  constraintText,
  disabled,
  text,
}: FieldProps<T> & { text: ReactNode }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField
          label={label}
          description={description}
          constraintText={constraintText}
          errorText={fieldState.error?.message}
        >
          <Checkbox
            ref={field.ref}
            checked={field.value === true}
            onChange={({ detail }) => field.onChange(detail.checked)}
            onBlur={field.onBlur}
            disabled={disabled}
          >
            {text}
          </Checkbox>
        </FormField>
      )}
    />
  );
}

/**
 * A group of radio buttons bound to a string field (`''` = none chosen).
 * @param props.items the choices; an item with value `''` stands for "not set".
 */
export function RadioField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  constraintText,
  disabled,
  items,
}: FieldProps<T> & { items: readonly RadioGroupProps.RadioButtonDefinition[] }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField
          label={label}
          description={description}
          constraintText={constraintText}
          errorText={fieldState.error?.message}
        >
          <RadioGroup
            ref={field.ref}
            value={typeof field.value === 'string' ? field.value : null}
            onChange={({ detail }) => {
              field.onChange(detail.value);
              field.onBlur();
            }}
            items={items.map((item) => ({ ...item, disabled: disabled || item.disabled }))}
          />
        </FormField>
      )}
    />
  );
}
