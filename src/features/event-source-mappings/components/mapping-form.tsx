import type {
  CreateEventSourceMappingCommandInput,
  EventSourceMappingConfiguration,
  EventSourcePosition,
  UpdateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch, type FieldPath, type Resolver } from 'react-hook-form';
import { CheckboxField, TextField } from '../../../components/form-fields.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { apiErrorToForm } from '../form/api-error-to-form.ts';
import {
  createMappingFormSchema,
  defaultFormValues,
  type MappingFieldPath,
  type MappingFormOutput,
} from '../form/mapping-form-schema.ts';
import {
  SOURCE_LIMITS,
  describeField,
  detectSourceType,
  fieldApplies,
  fieldEditability,
  type MappingField,
  type SourceType,
} from '../form/source-limits.ts';
import { MEMBER_SECTIONS } from '../form/request-members.ts';
import { switchSourceType } from '../form/switch-source-type.ts';
import {
  diffMapping,
  diffTags,
  tagChanges,
  tagCliCommands,
  toCreateMappingInput,
  toFormValues,
  toUpdateMappingInput,
  type TagChanges,
} from '../form/to-request.ts';
import { sqsQueueUrlToArn } from '../event-source-arn.ts';
import { isTransitionalState } from '../mapping-state.ts';
import { FilterCriteriaField } from './filter-criteria-field.tsx';
import { FunctionPicker } from './function-picker.tsx';
import { LeafFields, LeafSection } from './leaf-fields.tsx';
import { MappingDiff } from './mapping-diff.tsx';
import type { MappingFormControl, MappingFormFields } from './mapping-form-fields.ts';
import { ReviewRequest } from './review-request.tsx';
import { ServerErrorAlert, type ServerError } from './server-error-alert.tsx';
import { DocumentDbFields } from './document-db-fields.tsx';
import { SourceAccessRows } from './source-access-rows.tsx';
import { SourceTypePicker } from './source-type-picker.tsx';
import { StartingPositionTimestampField } from './starting-position-timestamp-field.tsx';
import { TagsField } from './tags-field.tsx';

type CreateInput = CreateEventSourceMappingCommandInput;
type UpdateInput = UpdateEventSourceMappingCommandInput;

/** Props of {@link MappingForm} for a new mapping. */
export interface CreateMappingFormProps {
  mode: 'create';
  /** Region the request goes to (for the CLI command). */
  region: string;
  /** Sends the CreateEventSourceMapping request; rejects with the SDK's error. */
  onSubmit: (request: CreateInput) => Promise<unknown>;
  onCancel: () => void;
  /**
   * Values to start from instead of an empty form (a clone's, or a draft carried across a region
   * switch); the form opens on the fields of their source type.
   */
  initialValues?: MappingFormFields;
  /** Called with every change of the values (e.g. to keep a draft); not debounced. */
  onValuesChange?: (values: MappingFormFields) => void;
}

/** Props of {@link MappingForm} for changing an existing mapping. */
export interface EditMappingFormProps {
  mode: 'edit';
  region: string;
  /** The mapping as last read (kept fresh by the detail query, which polls while transitional). */
  existing: EventSourceMappingConfiguration;
  /** When `existing` was last read (epoch ms, the query's `dataUpdatedAt`). */
  existingUpdatedAt: number;
  /** Called when Lambda says the mapping is busy, to re-read it (and so follow its state). */
  onBusy: () => void;
  /**
   * The mapping's tags (ListTags), or `undefined` when they could not be read: then the form
   * leaves them as they are and says so.
   */
  existingTags?: Record<string, string>;
  /**
   * Sends the UpdateEventSourceMapping request (when it changes anything besides the UUID), then
   * the tag changes (UntagResource, TagResource); rejects with the SDK's error.
   */
  onSubmit: (request: UpdateInput, tags: TagChanges) => Promise<unknown>;
  onCancel: () => void;
}

/** Props of {@link MappingForm}. */
export type MappingFormProps = CreateMappingFormProps | EditMappingFormProps;

const STARTING_POSITION_TEXT: Record<EventSourcePosition, string> = {
  TRIM_HORIZON: 'The oldest record still available',
  LATEST: 'Only records added after the mapping starts',
  AT_TIMESTAMP: 'Records from a point in time (StartingPositionTimestamp)',
};

/** Text that looks like a whole ARN (six colon-separated parts), worth a detection warning. */
const ARN_LIKE = /^arn:[^:]*:[^:]+:[^:]*:[^:]*:.+/;

/** The request field a form path belongs to (`Topics.0` → `Topics`). */
function requestField(path: MappingFieldPath): MappingField | undefined {
  const top = path.split('.')[0];
  return top === 'sourceType' ? undefined : (top as MappingField);
}

/**
 * Switches the form to another source type with {@link switchSourceType} (what is typed is kept;
 * see there), setting only the values that change, then clears messages of the old type.
 */
function changeSourceType(
  form: {
    getValues: () => MappingFormFields;
    setValue: (name: FieldPath<MappingFormFields>, value: never) => void;
    clearErrors: () => void;
  },
  next: SourceType,
) {
  const values = form.getValues();
  const switched = switchSourceType(values, next);
  // Only the members switchSourceType replaced (it returns the others unchanged, same object).
  for (const key of Object.keys(switched) as (keyof typeof switched)[]) {
    if (key !== 'sourceType' && switched[key] !== values[key]) {
      form.setValue(key as FieldPath<MappingFormFields>, switched[key] as never);
    }
  }
  form.setValue('sourceType', next as never);
  form.clearErrors();
}

/** A create-only field in edit mode: its current value, read-only, with AWS's reason. */
function ReadOnlyField({
  label,
  value,
  reason,
}: {
  label: string;
  value: string | undefined;
  reason: string;
}) {
  return (
    <FormField label={label} constraintText={reason} stretch>
      <Input value={value || '-'} readOnly />
    </FormField>
  );
}

/** Numeric field of the form, with AWS's default as placeholder and limits as constraint text. */
function NumberField({
  control,
  type,
  name,
  field,
  label,
}: {
  control: MappingFormControl;
  type: SourceType;
  name: FieldPath<MappingFormFields>;
  field: MappingField;
  label?: string;
}) {
  const description = describeField(type, field);
  return (
    <TextField
      control={control}
      name={name}
      label={label ?? description.label}
      constraintText={description.help}
      placeholder={
        description.defaultLabel ? `AWS default: ${description.defaultLabel}` : 'Not set'
      }
      inputMode="numeric"
    />
  );
}

/**
 * The create/edit form of a mapping, in two steps.
 *
 * 1. Configure: the source type first (tiles, or detected from a pasted ARN), then only the fields
 *    that apply to that type (`fieldApplies`), with AWS's defaults as placeholders and units and
 *    limits as help (`describeField`). Validation is `createMappingFormSchema` (react-hook-form +
 *    zodResolver); messages appear next to their field and the first one is focused. In edit mode
 *    fields UpdateEventSourceMapping cannot change are shown read-only with the reason
 *    (`fieldEditability`).
 * 2. Review: the exact request (`toCreateMappingInput`, or `toUpdateMappingInput` — only changed
 *    fields — with the old → new diff) as JSON and as the AWS CLI command, then Create / Apply.
 *
 * When Lambda refuses (`apiErrorToForm`): errors it can attribute go next to their fields (the
 * form returns to step 1 and focuses the first); others are shown above the actions, with a link to
 * the existing mapping on a conflict and "retry when settled" when the mapping is busy. Everything
 * typed is kept.
 */
export function MappingForm(props: MappingFormProps) {
  const { mode, region } = props;
  const existing = props.mode === 'edit' ? props.existing : undefined;
  const existingWindow = existing?.MaximumBatchingWindowInSeconds;
  const schema = useMemo(
    () =>
      createMappingFormSchema(
        mode === 'edit' ? { existing: { MaximumBatchingWindowInSeconds: existingWindow } } : {},
      ),
    [mode, existingWindow],
  );
  const existingTags = props.mode === 'edit' ? props.existingTags : undefined;
  const startFrom = props.mode === 'create' ? props.initialValues : undefined;
  const [initialValues] = useState<MappingFormFields>(() =>
    existing
      ? toFormValues(existing, undefined, existingTags)
      : (startFrom ?? { ...defaultFormValues('kinesis'), sourceType: '' }),
  );
  const [tags, setTags] = useState<TagChanges>({});
  const form = useForm<MappingFormFields, unknown, MappingFormOutput>({
    resolver: zodResolver(schema) as unknown as Resolver<
      MappingFormFields,
      unknown,
      MappingFormOutput
    >,
    defaultValues: initialValues,
    // Messages appear on the first Review, then follow every change. (Validating on blur before
    // that moved the buttons under the pointer: the click that caused the blur was lost.)
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { control } = form;
  const onValuesChange = props.mode === 'create' ? props.onValuesChange : undefined;
  useEffect(() => {
    if (!onValuesChange) return;
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => onValuesChange(values),
    });
  }, [form, onValuesChange]);
  const sourceType = useWatch({ control, name: 'sourceType' });
  const startingPosition = useWatch({ control, name: 'StartingPosition' });
  const [step, setStep] = useState<'configure' | 'review'>('configure');
  const [request, setRequest] = useState<CreateInput | UpdateInput>();
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<ServerError>();
  /** What ARN detection found: the kind of source (info), or why the ARN is not usable (warning). */
  const [detection, setDetection] = useState<{ warning: boolean; text: string }>();
  const [waitingToRetry, setWaitingToRetry] = useState(false);

  const type = sourceType || undefined;
  const applies = (field: MappingField) => (type ? fieldApplies(type, field) : false);
  const editable = (field: MappingField) =>
    mode === 'create' || (type !== undefined && fieldEditability(type, field).editable);
  const reason = (field: MappingField) => {
    const e = type ? fieldEditability(type, field) : undefined;
    return e && !e.editable ? e.reason : '';
  };

  // After a server error moved the form back to step 1, focus the first field Lambda refused once
  // it is on screen again.
  const focusAfterRender = useRef<MappingFieldPath | undefined>(undefined);
  // Keyboard users land on the review's heading (not on <body>) when the step opens.
  const reviewHeadingRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (step === 'review') reviewHeadingRef.current?.focus();
  }, [step]);
  useEffect(() => {
    if (step === 'configure' && focusAfterRender.current) {
      form.setFocus(focusAfterRender.current as FieldPath<MappingFormFields>);
      focusAfterRender.current = undefined;
    }
  });

  const goToReview = form.handleSubmit((values) => {
    setServerError(undefined);
    setWaitingToRetry(false);
    setRequest(
      props.mode === 'create'
        ? toCreateMappingInput(values)
        : toUpdateMappingInput(props.existing, values),
    );
    // Tags of an existing mapping change through TagResource/UntagResource, when they were read.
    setTags(
      props.mode === 'edit' && props.existingTags
        ? tagChanges(props.existingTags, values.Tags)
        : {},
    );
    setStep('review');
    window.scrollTo?.({ top: 0 });
  });

  const shownOnForm = (field: MappingFieldPath): boolean => {
    const top = requestField(field);
    return top !== undefined && applies(top) && editable(top);
  };

  const send = async (input: CreateInput | UpdateInput) => {
    setRequest(input);
    setWaitingToRetry(false);
    setSubmitting(true);
    setServerError(undefined);
    form.clearErrors('root');
    try {
      if (props.mode === 'create') await props.onSubmit(input as CreateInput);
      else await props.onSubmit(input as UpdateInput, tags);
    } catch (error) {
      const mapped = apiErrorToForm(error);
      setServerError({ ...mapped, at: Date.now() });
      const fieldErrors = mapped.fieldErrors.filter((e) => shownOnForm(e.field));
      const [first] = fieldErrors;
      if (first) {
        for (const e of fieldErrors) {
          form.setError(e.field as FieldPath<MappingFormFields>, {
            type: 'server',
            message: e.message,
          });
        }
        setStep('configure');
        focusAfterRender.current = first.field;
      } else {
        form.setError('root.serverError', { type: mapped.kind, message: mapped.message });
      }
      if (mapped.kind === 'in-use' && props.mode === 'edit') props.onBusy();
    } finally {
      setSubmitting(false);
    }
  };

  // "Retry when the mapping settles": once the mapping was re-read after the refusal and is no
  // longer transitional, send the reviewed request again — exactly the change set the user
  // approved (re-diffing against the settled mapping could add changes nobody reviewed, e.g.
  // re-enable a mapping someone else disabled meanwhile).
  const settledAt =
    props.mode === 'edit' && !isTransitionalState(props.existing.State)
      ? props.existingUpdatedAt
      : undefined;
  useEffect(() => {
    if (!waitingToRetry || props.mode !== 'edit' || !request || !serverError) return;
    if (settledAt === undefined || settledAt <= serverError.at) return;
    const input = request;
    // Out of the effect's body (send updates state); cleared if the effect re-runs first.
    const timer = setTimeout(() => void send(input), 0);
    return () => clearTimeout(timer);
    // send is recreated every render; the trigger is the mapping settling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waitingToRetry, settledAt]);

  const rootError = form.formState.errors.root?.serverError?.message;
  const serverAlert =
    serverError && rootError ? (
      <ServerErrorAlert
        error={serverError}
        message={rootError}
        waiting={waitingToRetry}
        busyState={props.mode === 'edit' ? props.existing.State : undefined}
        onRetry={request ? () => void send(request) : undefined}
        onRetryWhenSettled={() => setWaitingToRetry(true)}
        onCancelWait={() => setWaitingToRetry(false)}
      />
    ) : null;
  const fieldErrorSummary =
    serverError && !rootError && step === 'configure' ? (
      <Alert type="error" header="Lambda refused the request">
        <SpaceBetween size="xxs">
          <span>Change the highlighted fields, then review the request again.</span>
          <Box variant="small" color="text-body-secondary">
            {serverError.awsErrorName}: {serverError.awsMessage}
          </Box>
        </SpaceBetween>
      </Alert>
    ) : null;

  if (step === 'review' && request) {
    const isEdit = props.mode === 'edit';
    const requestDiff = isEdit ? diffMapping(props.existing, request as UpdateInput) : [];
    const tagDiff = isEdit ? diffTags(props.existingTags ?? {}, tags) : [];
    const diff = [...requestDiff, ...tagDiff];
    const busy = isEdit && requestDiff.length > 0 && isTransitionalState(props.existing.State);
    const nothingToApply = isEdit && diff.length === 0;
    const arn = props.mode === 'edit' ? props.existing.EventSourceMappingArn : undefined;
    const tagCommands = isEdit && arn ? tagCliCommands(arn, tags, { region, multiline: true }) : [];
    return (
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <Form
          header={
            <Header
              variant="h2"
              description={
                isEdit
                  ? 'Check the changes and the request, then apply them.'
                  : 'Check the request, then create the mapping.'
              }
            >
              <span ref={reviewHeadingRef} tabIndex={-1}>
                Step 2 of 2: Review
              </span>
            </Header>
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" onClick={() => setStep('configure')} disabled={submitting}>
                Back to edit
              </Button>
              <Button
                variant="primary"
                formAction="none"
                loading={submitting}
                disabled={nothingToApply || busy || waitingToRetry}
                disabledReason={
                  nothingToApply
                    ? 'Nothing changed: go back and change a field.'
                    : busy
                      ? `The mapping is ${props.existing.State}; Lambda accepts changes once it is Enabled or Disabled.`
                      : undefined
                }
                onClick={() => void send(request)}
              >
                {isEdit ? 'Apply changes' : 'Create mapping'}
              </Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            {isEdit ? <MappingDiff rows={diff} /> : null}
            {nothingToApply ? null : (
              <ReviewRequest
                request={request}
                region={region}
                tagCommands={tagCommands}
                showRequest={!isEdit || requestDiff.length > 0}
              />
            )}
            {serverAlert}
          </SpaceBetween>
        </Form>
      </form>
    );
  }

  const startingPositionRule = type ? SOURCE_LIMITS[type].StartingPosition : null;
  const consumerGroupPath = type ? SOURCE_LIMITS[type].consumerGroupConfig : null;
  const current = form.getValues();

  const sourceSection = (
    <Container
      header={
        <Header
          variant="h2"
          description={
            mode === 'create'
              ? 'Choose the kind of source, or paste its ARN to detect it.'
              : 'What the mapping reads. Fields AWS fixes at creation are read-only.'
          }
        >
          Source
        </Header>
      }
    >
      <SpaceBetween size="l">
        {mode === 'create' ? (
          <Controller
            control={control}
            name="sourceType"
            render={({ field, fieldState }) => (
              <SourceTypePicker
                tilesRef={field.ref}
                value={field.value}
                onChange={(next) => {
                  changeSourceType(form, next);
                  setDetection(undefined);
                }}
                errorText={
                  fieldState.error
                    ? 'Choose the kind of event source (or paste its ARN below).'
                    : undefined
                }
              />
            )}
          />
        ) : (
          <ReadOnlyField
            label="Source type"
            value={type ? SOURCE_LIMITS[type].label : 'Unknown'}
            reason="AWS cannot change the source of an existing mapping. To read another source, create a new mapping and delete this one."
          />
        )}
        {type === undefined || applies('EventSourceArn') ? (
          editable('EventSourceArn') ? (
            <Controller
              control={control}
              name="EventSourceArn"
              render={({ field, fieldState }) => (
                <FormField
                  label="EventSourceArn"
                  description={
                    type
                      ? describeField(type, 'EventSourceArn').help
                      : 'Paste the ARN of a stream, queue, cluster or broker to detect the source type.'
                  }
                  constraintText={detection && !detection.warning ? detection.text : undefined}
                  warningText={detection?.warning ? detection.text : undefined}
                  errorText={fieldState.error?.message}
                  stretch
                >
                  <Input
                    ref={field.ref}
                    value={field.value}
                    onChange={({ detail }) => {
                      // A pasted SQS queue URL becomes the queue's ARN, which Lambda wants.
                      const fromUrl = sqsQueueUrlToArn(detail.value);
                      const value = fromUrl ?? detail.value;
                      // Switch the type first, so the ARN is validated (once the form was
                      // submitted) against the source it names, not the tile chosen before.
                      const detected = detectSourceType(value);
                      const now = form.getValues('sourceType');
                      const text = `${fromUrl ? 'Queue URL turned into its ARN. ' : ''}Detected from the ARN: ${'description' in detected ? detected.description : ''}.`;
                      if (detected.kind === 'detected') {
                        if (detected.type !== now) changeSourceType(form, detected.type);
                        setDetection({ warning: false, text });
                      } else if (detected.kind === 'needs-engine') {
                        if (!now.startsWith('mq-')) changeSourceType(form, 'mq-activemq');
                        setDetection({ warning: false, text });
                      } else if (detected.kind === 'unsupported' || ARN_LIKE.test(value)) {
                        // Say at once why a complete-looking ARN cannot be used (e.g. a
                        // DynamoDB table ARN instead of its stream ARN, or an SNS topic).
                        setDetection({ warning: true, text: detected.message });
                      } else {
                        setDetection(undefined);
                      }
                      field.onChange(value);
                    }}
                    onBlur={field.onBlur}
                    placeholder={
                      type
                        ? SOURCE_LIMITS[type].example
                        : 'arn:aws:sqs:us-east-1:123456789012:my-queue'
                    }
                    invalid={fieldState.invalid}
                    spellcheck={false}
                    autoComplete={false}
                  />
                </FormField>
              )}
            />
          ) : (
            <ReadOnlyField
              label="EventSourceArn"
              value={current.EventSourceArn}
              reason={reason('EventSourceArn')}
            />
          )
        ) : null}
        {type && applies('SelfManagedEventSource') ? (
          editable('SelfManagedEventSource') ? (
            <TextField
              control={control}
              name="SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS"
              label="Bootstrap servers"
              description="SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS"
              constraintText={describeField(type, 'SelfManagedEventSource').help}
              placeholder="b-1.example.com:9092,b-2.example.com:9092"
            />
          ) : (
            <ReadOnlyField
              label="Bootstrap servers"
              value={current.SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS}
              reason={reason('SelfManagedEventSource')}
            />
          )
        ) : null}
        {type && applies('Topics') ? (
          editable('Topics') ? (
            <TextField
              control={control}
              name="Topics.0"
              label="Topics"
              constraintText={describeField(type, 'Topics').help}
              placeholder="orders"
            />
          ) : (
            <ReadOnlyField label="Topics" value={current.Topics[0]} reason={reason('Topics')} />
          )
        ) : null}
        {type && applies('Queues') ? (
          editable('Queues') ? (
            <TextField
              control={control}
              name="Queues.0"
              label="Queues"
              constraintText={describeField(type, 'Queues').help}
              placeholder="orders"
            />
          ) : (
            <ReadOnlyField label="Queues" value={current.Queues[0]} reason={reason('Queues')} />
          )
        ) : null}
        {type && startingPositionRule ? (
          editable('StartingPosition') ? (
            <Controller
              control={control}
              name="StartingPosition"
              render={({ field, fieldState }) => (
                <FormField
                  label="StartingPosition"
                  constraintText={describeField(type, 'StartingPosition').help}
                  errorText={fieldState.error?.message}
                >
                  <RadioGroup
                    ref={field.ref}
                    value={field.value}
                    onChange={({ detail }) => {
                      field.onChange(detail.value);
                      field.onBlur();
                      if (detail.value !== 'AT_TIMESTAMP') {
                        form.setValue('StartingPositionTimestamp', '');
                        form.clearErrors('StartingPositionTimestamp');
                      }
                    }}
                    items={[
                      ...(startingPositionRule.required
                        ? []
                        : [
                            {
                              value: '',
                              label: `Not set (AWS default: ${startingPositionRule.default ?? 'none'})`,
                            },
                          ]),
                      ...startingPositionRule.options.map((option) => ({
                        value: option,
                        label: option,
                        description: STARTING_POSITION_TEXT[option],
                      })),
                    ]}
                  />
                </FormField>
              )}
            />
          ) : (
            <ReadOnlyField
              label="StartingPosition"
              value={current.StartingPosition}
              reason={reason('StartingPosition')}
            />
          )
        ) : null}
        {type && applies('StartingPositionTimestamp') && startingPosition === 'AT_TIMESTAMP' ? (
          editable('StartingPositionTimestamp') ? (
            <StartingPositionTimestampField
              control={control}
              help={describeField(type, 'StartingPositionTimestamp').help}
            />
          ) : (
            <ReadOnlyField
              label="StartingPositionTimestamp"
              value={formatDateTime(current.StartingPositionTimestamp)}
              reason={reason('StartingPositionTimestamp')}
            />
          )
        ) : null}
        {type && consumerGroupPath ? (
          editable(consumerGroupPath) ? (
            <TextField
              control={control}
              name={`${consumerGroupPath}.ConsumerGroupId`}
              label="Consumer group ID"
              description={`${consumerGroupPath}.ConsumerGroupId`}
              constraintText={describeField(type, consumerGroupPath).help}
              placeholder="AWS default: generated"
            />
          ) : (
            <ReadOnlyField
              label="Consumer group ID"
              value={current[consumerGroupPath].ConsumerGroupId}
              reason={reason(consumerGroupPath)}
            />
          )
        ) : null}
        {type ? (
          <LeafFields control={control} section="source" type={type} mode={mode} values={current} />
        ) : null}
        {type && applies('DocumentDBEventSourceConfig') ? (
          <DocumentDbFields control={control} type={type} />
        ) : null}
        {type && applies('SourceAccessConfigurations') ? (
          <SourceAccessRows control={control} type={type} mode={mode} />
        ) : null}
      </SpaceBetween>
    </Container>
  );

  const errorHandlingFields: MappingField[] = [
    'MaximumRetryAttempts',
    'MaximumRecordAgeInSeconds',
    'BisectBatchOnFunctionError',
    'DestinationConfig',
    'FunctionResponseTypes',
  ];
  const hasErrorHandling = errorHandlingFields.some(applies);

  return (
    <form
      // Enter in a field submits the step, as in any form: it opens the review (or shows what to
      // fix). Textareas (filter patterns) keep Enter for new lines.
      onSubmit={(event) => {
        event.preventDefault();
        void goToReview();
      }}
      noValidate
    >
      <Form
        header={<Header variant="h2">Step 1 of 2: Configure</Header>}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" onClick={props.onCancel}>
              Cancel
            </Button>
            <Button variant="primary" formAction="submit">
              {mode === 'create' ? 'Review request' : 'Review changes'}
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          {fieldErrorSummary}
          {props.mode === 'edit' && isTransitionalState(props.existing.State) ? (
            <Alert type="info" header={`The mapping is ${props.existing.State}`}>
              Lambda accepts changes once it is Enabled or Disabled. You can prepare your changes;
              Apply becomes available when it settles.
            </Alert>
          ) : null}
          {sourceSection}
          {type ? (
            <SpaceBetween size="l">
              <Container header={<Header variant="h2">Function</Header>}>
                <Controller
                  control={control}
                  name="FunctionName"
                  render={({ field, fieldState }) => (
                    <FormField
                      label="FunctionName"
                      description="The function Lambda invokes with each batch."
                      constraintText={describeField(type, 'FunctionName').help}
                      errorText={fieldState.error?.message}
                      stretch
                    >
                      <FunctionPicker
                        inputRef={field.ref}
                        value={field.value}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        invalid={fieldState.invalid}
                      />
                    </FormField>
                  )}
                />
              </Container>
              <Container
                header={
                  <Header variant="h2" description="How records are grouped into invocations.">
                    Batching
                  </Header>
                }
              >
                <ColumnLayout columns={2}>
                  <NumberField control={control} type={type} name="BatchSize" field="BatchSize" />
                  {applies('MaximumBatchingWindowInSeconds') ? (
                    <NumberField
                      control={control}
                      type={type}
                      name="MaximumBatchingWindowInSeconds"
                      field="MaximumBatchingWindowInSeconds"
                    />
                  ) : null}
                  {applies('ParallelizationFactor') ? (
                    <NumberField
                      control={control}
                      type={type}
                      name="ParallelizationFactor"
                      field="ParallelizationFactor"
                    />
                  ) : null}
                  {applies('TumblingWindowInSeconds') ? (
                    <NumberField
                      control={control}
                      type={type}
                      name="TumblingWindowInSeconds"
                      field="TumblingWindowInSeconds"
                    />
                  ) : null}
                  {applies('ScalingConfig') ? (
                    <NumberField
                      control={control}
                      type={type}
                      name="ScalingConfig.MaximumConcurrency"
                      field="ScalingConfig"
                      label="ScalingConfig.MaximumConcurrency"
                    />
                  ) : null}
                </ColumnLayout>
              </Container>
              <LeafSection
                control={control}
                section="provisioned"
                type={type}
                mode={mode}
                values={current}
              />
              {hasErrorHandling ? (
                <Container
                  header={
                    <Header variant="h2" description="What happens when the function fails.">
                      Error handling
                    </Header>
                  }
                >
                  <SpaceBetween size="l">
                    {applies('MaximumRetryAttempts') || applies('MaximumRecordAgeInSeconds') ? (
                      <ColumnLayout columns={2}>
                        {applies('MaximumRetryAttempts') ? (
                          <NumberField
                            control={control}
                            type={type}
                            name="MaximumRetryAttempts"
                            field="MaximumRetryAttempts"
                          />
                        ) : null}
                        {applies('MaximumRecordAgeInSeconds') ? (
                          <NumberField
                            control={control}
                            type={type}
                            name="MaximumRecordAgeInSeconds"
                            field="MaximumRecordAgeInSeconds"
                          />
                        ) : null}
                      </ColumnLayout>
                    ) : null}
                    {applies('DestinationConfig') ? (
                      <TextField
                        control={control}
                        name="DestinationConfig.OnFailure.Destination"
                        label="DestinationConfig.OnFailure"
                        constraintText={describeField(type, 'DestinationConfig').help}
                        placeholder="arn:aws:sqs:us-east-1:123456789012:my-dlq"
                      />
                    ) : null}
                    {applies('BisectBatchOnFunctionError') ? (
                      <CheckboxField
                        control={control}
                        name="BisectBatchOnFunctionError"
                        label="BisectBatchOnFunctionError"
                        constraintText={describeField(type, 'BisectBatchOnFunctionError').help}
                        text="Split the batch on a function error"
                      />
                    ) : null}
                    {applies('FunctionResponseTypes') ? (
                      <Controller
                        control={control}
                        name="FunctionResponseTypes"
                        render={({ field, fieldState }) => (
                          <FormField
                            label="FunctionResponseTypes"
                            constraintText={describeField(type, 'FunctionResponseTypes').help}
                            errorText={fieldState.error?.message}
                          >
                            <Checkbox
                              ref={field.ref}
                              checked={field.value.includes('ReportBatchItemFailures')}
                              onChange={({ detail }) =>
                                field.onChange(detail.checked ? ['ReportBatchItemFailures'] : [])
                              }
                            >
                              ReportBatchItemFailures
                            </Checkbox>
                          </FormField>
                        )}
                      />
                    ) : null}
                  </SpaceBetween>
                </Container>
              ) : null}
              <Container
                header={
                  <Header variant="h2" description="Which records reach the function.">
                    Filtering
                  </Header>
                }
              >
                <SpaceBetween size="l">
                  <FilterCriteriaField control={control} type={type} />
                  <LeafFields
                    control={control}
                    section="filtering"
                    type={type}
                    mode={mode}
                    values={current}
                  />
                </SpaceBetween>
              </Container>
              <LeafSection
                control={control}
                section="monitoring"
                type={type}
                mode={mode}
                values={current}
              />
              <Container
                header={
                  <Header
                    variant="h2"
                    description={
                      mode === 'create'
                        ? 'Key/value labels for cost allocation and access control, set with the mapping (CreateEventSourceMapping Tags).'
                        : 'Saved with TagResource and UntagResource after the other changes (UpdateEventSourceMapping takes no tags).'
                    }
                  >
                    {MEMBER_SECTIONS.tags.title}
                  </Header>
                }
              >
                {props.mode === 'edit' && !props.existingTags ? (
                  <Alert type="warning" header="The tags could not be read">
                    ListTags failed for this mapping, so its tags are left as they are.
                  </Alert>
                ) : (
                  <TagsField control={control} />
                )}
              </Container>
              <Container header={<Header variant="h2">State</Header>}>
                <CheckboxField
                  control={control}
                  name="Enabled"
                  label="Enabled"
                  constraintText={describeField(type, 'Enabled').help}
                  text={
                    mode === 'create'
                      ? 'Start polling the source as soon as the mapping is created'
                      : 'Poll the source (unticked: the mapping is paused)'
                  }
                />
              </Container>
            </SpaceBetween>
          ) : null}
          {serverAlert}
        </SpaceBetween>
      </Form>
    </form>
  );
}
