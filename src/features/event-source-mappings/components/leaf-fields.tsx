import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { Controller, type FieldPath } from 'react-hook-form';
import {
  MEMBER_LEAVES,
  MEMBER_SECTIONS,
  getPath,
  leafApplies,
  type MemberLeaf,
  type MemberSection,
} from '../form/request-members.ts';
import { allowedRangeText, type SourceType } from '../form/source-limits.ts';
import type {
  MappingFormControl,
  MappingFormFields,
  MappingFormMode,
} from './mapping-form-fields.ts';

/**
 * The registry leaves of a section that apply to a source type, in registry order.
 * @param section a form section.
 * @param type the source type.
 */
export function leavesInSection(section: MemberSection, type: SourceType): readonly MemberLeaf[] {
  return MEMBER_LEAVES.filter((leaf) => leaf.section === section && leafApplies(leaf, type));
}

/** Props of {@link LeafFields}. */
export interface LeafFieldsProps {
  control: MappingFormControl;
  /** Which section's leaves to show. */
  section: MemberSection;
  type: SourceType;
  mode: MappingFormMode;
  /** The form's current values (for read-only leaves in edit mode). */
  values: MappingFormFields;
}

/** The help below a leaf's control: its sentence plus, for integers, range and AWS default. */
function constraintOf(leaf: MemberLeaf, type: SourceType): string {
  if (leaf.kind !== 'integer') return leaf.help;
  const limit = leaf.limits[type];
  return limit
    ? `${leaf.help} ${allowedRangeText(limit)}. AWS default: ${limit.defaultLabel}.`
    : leaf.help;
}

/**
 * Fields whose messages depend on a leaf's value: the cross-field rules of the form schema
 * (`provisionedModeRules`) put their message on the other field — SQS ScalingConfig.
 * MaximumConcurrency, the Kafka settings that need provisioned mode, MaximumPollers below
 * MinimumPollers, what Queue mode rules out — so a change of the leaf re-validates them
 * (react-hook-form `deps`; only once the form was submitted, as every message here). Without it a
 * message such as "Clear ScalingConfig.MaximumConcurrency, or the provisioned pollers" stayed
 * after the pollers were cleared, until the next Review.
 */
const NEEDS_PROVISIONED_MODE: readonly FieldPath<MappingFormFields>[] = [
  'ScalingConfig.MaximumConcurrency',
  'MaximumRetryAttempts',
  'MaximumRecordAgeInSeconds',
  'BisectBatchOnFunctionError',
  'FunctionResponseTypes',
  'DestinationConfig.OnFailure.Destination',
  'LoggingConfig.SystemLogLevel',
];
const DEPENDENTS: Readonly<Record<string, readonly FieldPath<MappingFormFields>[]>> = {
  'ProvisionedPollerConfig.MinimumPollers': [
    'ProvisionedPollerConfig.MaximumPollers',
    ...NEEDS_PROVISIONED_MODE,
  ],
  'ProvisionedPollerConfig.MaximumPollers': NEEDS_PROVISIONED_MODE,
  'ProvisionedPollerConfig.PollerGroupName': NEEDS_PROVISIONED_MODE,
  'SelfManagedKafkaEventSourceConfig.ConsumptionMode': [
    'StartingPosition',
    'StartingPositionTimestamp',
    'MaximumBatchingWindowInSeconds',
    'MaximumRetryAttempts',
  ],
};

/** The react-hook-form rules of a leaf's controller: only its dependents ({@link DEPENDENTS}). */
function rulesOf(leaf: MemberLeaf) {
  const deps = DEPENDENTS[leaf.path];
  return deps ? { deps: [...deps] } : undefined;
}

/**
 * The widgets of a section's registry leaves (`form/request-members.ts`), one per leaf that
 * applies to the source type: a number or text input, a select with "not set" for enums, a
 * checkbox per option for enum lists. Labels are AWS's paths (`ProvisionedPollerConfig.
 * MinimumPollers`). In edit mode a leaf UpdateEventSourceMapping cannot change is shown read-only.
 * Adding a leaf to the registry adds its widget here; nothing else in the form changes.
 */
export function LeafFields({ control, section, type, mode, values }: LeafFieldsProps) {
  const leaves = leavesInSection(section, type);
  if (leaves.length === 0) return null;
  const scalars = leaves.filter((leaf) => leaf.kind === 'integer' || leaf.kind === 'text');
  const others = leaves.filter((leaf) => leaf.kind === 'enum' || leaf.kind === 'enumList');
  return (
    <SpaceBetween size="l">
      {scalars.length > 0 ? (
        <ColumnLayout columns={scalars.length > 1 ? 2 : 1}>
          {scalars.map((leaf) => (
            <LeafField
              key={leaf.path}
              control={control}
              leaf={leaf}
              type={type}
              mode={mode}
              values={values}
            />
          ))}
        </ColumnLayout>
      ) : null}
      {others.map((leaf) => (
        <LeafField
          key={leaf.path}
          control={control}
          leaf={leaf}
          type={type}
          mode={mode}
          values={values}
        />
      ))}
    </SpaceBetween>
  );
}

/**
 * A form section made only of registry leaves (Provisioned mode, Monitoring): a container with the
 * section's title and description (`MEMBER_SECTIONS`) around {@link LeafFields}, or nothing when
 * no leaf of the section applies to the source type.
 */
export function LeafSection(props: LeafFieldsProps) {
  if (leavesInSection(props.section, props.type).length === 0) return null;
  const { title, description } = MEMBER_SECTIONS[props.section];
  return (
    <Container
      header={
        <Header variant="h2" description={description}>
          {title}
        </Header>
      }
    >
      <LeafFields {...props} />
    </Container>
  );
}

function LeafField({
  control,
  leaf,
  type,
  mode,
  values,
}: {
  control: MappingFormControl;
  leaf: MemberLeaf;
  type: SourceType;
  mode: MappingFormMode;
  values: MappingFormFields;
}) {
  const name = leaf.path as FieldPath<MappingFormFields>;
  const constraintText = constraintOf(leaf, type);
  if (mode === 'edit' && !leaf.updatable) {
    const current = getPath(values, leaf.path);
    const shown = Array.isArray(current) ? current.join(', ') : String(current ?? '');
    return (
      <FormField
        label={leaf.path}
        constraintText={`AWS cannot change ${leaf.path} of an existing mapping (UpdateEventSourceMapping does not accept it). To change it, create a new mapping and delete this one.`}
        stretch
      >
        <Input
          value={shown || ('defaultLabel' in leaf ? `Not set (${leaf.defaultLabel})` : '-')}
          readOnly
        />
      </FormField>
    );
  }
  switch (leaf.kind) {
    case 'integer':
    case 'text': {
      const limit = leaf.kind === 'integer' ? leaf.limits[type] : undefined;
      return (
        <Controller
          control={control}
          name={name}
          rules={rulesOf(leaf)}
          render={({ field, fieldState }) => (
            <FormField
              label={leaf.path}
              constraintText={constraintText}
              errorText={fieldState.error?.message}
              stretch
            >
              <Input
                ref={field.ref}
                value={typeof field.value === 'string' ? field.value : String(field.value ?? '')}
                onChange={({ detail }) => field.onChange(detail.value)}
                onBlur={field.onBlur}
                placeholder={
                  leaf.kind === 'text'
                    ? leaf.example
                    : limit
                      ? `AWS default: ${limit.defaultLabel}`
                      : 'Not set'
                }
                inputMode={leaf.kind === 'integer' ? 'numeric' : undefined}
                invalid={fieldState.invalid}
                spellcheck={false}
                autoComplete={false}
              />
            </FormField>
          )}
        />
      );
    }
    case 'enum': {
      const notSet = { value: '', label: `Not set (AWS default: ${leaf.defaultLabel})` };
      const options = [
        notSet,
        ...(leaf.options[type] ?? []).map((value) => ({ value, label: value })),
      ];
      return (
        <Controller
          control={control}
          name={name}
          rules={rulesOf(leaf)}
          render={({ field, fieldState }) => (
            <FormField
              label={leaf.path}
              constraintText={constraintText}
              errorText={fieldState.error?.message}
            >
              <Select
                ref={field.ref}
                selectedOption={options.find((o) => o.value === field.value) ?? notSet}
                onChange={({ detail }) => {
                  field.onChange(detail.selectedOption.value ?? '');
                  field.onBlur();
                }}
                onBlur={field.onBlur}
                options={options}
                invalid={fieldState.invalid}
              />
            </FormField>
          )}
        />
      );
    }
    case 'enumList':
      return (
        <Controller
          control={control}
          name={name}
          render={({ field, fieldState }) => {
            const chosen = Array.isArray(field.value) ? (field.value as string[]) : [];
            return (
              <FormField
                label={leaf.path}
                constraintText={constraintText}
                errorText={fieldState.error?.message}
              >
                <SpaceBetween size="xxs" direction="horizontal">
                  {(leaf.options[type] ?? []).map((option, index) => (
                    <Checkbox
                      key={option}
                      ref={index === 0 ? field.ref : undefined}
                      checked={chosen.includes(option)}
                      onChange={({ detail }) =>
                        field.onChange(
                          detail.checked
                            ? [...chosen, option]
                            : chosen.filter((value) => value !== option),
                        )
                      }
                    >
                      {option}
                    </Checkbox>
                  ))}
                </SpaceBetween>
              </FormField>
            );
          }}
        />
      );
  }
}
