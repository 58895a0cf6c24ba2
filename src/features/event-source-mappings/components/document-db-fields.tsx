import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Box from '@cloudscape-design/components/box';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { Controller } from 'react-hook-form';
import { TextField } from '../../../components/form-fields.tsx';
import { describeField, type SourceType } from '../form/source-limits.ts';
import type { MappingFormControl } from './mapping-form-fields.ts';

/** The mapping form's DocumentDBEventSourceConfig: DatabaseName, CollectionName and FullDocument. */
export function DocumentDbFields({
  control,
  type,
}: {
  control: MappingFormControl;
  type: SourceType;
}) {
  return (
    <SpaceBetween size="l">
      <Box variant="small" color="text-body-secondary">
        DocumentDBEventSourceConfig: {describeField(type, 'DocumentDBEventSourceConfig').help}
      </Box>
      <ColumnLayout columns={3}>
        <TextField
          control={control}
          name="DocumentDBEventSourceConfig.DatabaseName"
          label="DatabaseName"
          constraintText="Required. 1–63 characters, no spaces, / . $ or quotes."
          placeholder="orders"
        />
        <TextField
          control={control}
          name="DocumentDBEventSourceConfig.CollectionName"
          label="CollectionName"
          constraintText="Optional. 1–57 characters; empty = every collection of the database."
          placeholder="All collections"
        />
        <Controller
          control={control}
          name="DocumentDBEventSourceConfig.FullDocument"
          render={({ field, fieldState }) => (
            <FormField
              label="FullDocument"
              constraintText="UpdateLookup sends the whole document on updates. AWS default: Default."
              errorText={fieldState.error?.message}
            >
              <Select
                ref={field.ref}
                selectedOption={{
                  value: field.value,
                  label: field.value || 'Not set (AWS default: Default)',
                }}
                onChange={({ detail }) => field.onChange(detail.selectedOption.value ?? '')}
                onBlur={field.onBlur}
                options={[
                  { value: '', label: 'Not set (AWS default: Default)' },
                  { value: 'Default', label: 'Default', description: 'Only the change' },
                  {
                    value: 'UpdateLookup',
                    label: 'UpdateLookup',
                    description: 'The whole document after the change',
                  },
                ]}
              />
            </FormField>
          )}
        />
      </ColumnLayout>
    </SpaceBetween>
  );
}
