import ContentLayout from '@cloudscape-design/components/content-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import Spinner from '@cloudscape-design/components/spinner';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { getLambdaRegion, subscribeLambdaRegion } from '../../api/lambda-client.ts';
import { isResourceNotFound, toAwsError } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SignInToWriteAlert } from '../../components/sign-in-to-write-alert.tsx';
import { configuredRegions } from '../../config/env.ts';
import { paths } from '../../config/paths.ts';
import { REGION_SEARCH_PARAM } from '../../config/region.ts';
import { useSession } from '../../features/auth/session-context.tsx';
import {
  clearCloneDraft,
  cloneFormValues,
  readCloneDraft,
  saveCloneDraft,
  type CloneDraft,
  type CloneStart,
} from '../../features/event-source-mappings/clone.ts';
import { MappingForm } from '../../features/event-source-mappings/components/mapping-form.tsx';
import type { MappingFormFields } from '../../features/event-source-mappings/components/mapping-form-fields.ts';
import { useCreateMapping } from '../../features/event-source-mappings/mutations.ts';
import { mappingQueries } from '../../features/event-source-mappings/queries.ts';
import { useWriteAccess } from '../../lib/write-access.ts';
import { notifyMappingSaved } from '../mapping-saved-notification.ts';
import { useRuntimeConfig } from '../provider.tsx';

/**
 * The form fields whose value names a region in an ARN (`arn:aws:sqs:<region>:…`, a function
 * `arn:…:lambda:<region>:…`), by their AWS names (`EventSourceArn`, `SourceAccessConfigurations`…).
 * @param values the form's values.
 * @param region the region to look for.
 */
function fieldsNamingRegion(values: MappingFormFields, region: string): string[] {
  const needle = `:${region}:`;
  return Object.entries(values)
    .filter(([, value]) => JSON.stringify(value ?? '').includes(needle))
    .map(([field]) => field);
}

/** The create form in the active region; on success the console opens the new mapping. */
function CreateMappingPage({
  header,
  before,
  initialValues,
  onValuesChange,
  onCreated,
  onCancel,
}: {
  header: React.ReactNode;
  before?: React.ReactNode;
  initialValues?: MappingFormFields;
  onValuesChange?: (values: MappingFormFields) => void;
  onCreated?: () => void;
  onCancel: () => void;
}) {
  const navigate = useNavigate();
  const region = useSyncExternalStore(subscribeLambdaRegion, getLambdaRegion);
  const create = useCreateMapping();
  const queryClient = useQueryClient();
  // A guest who opened this page by URL learns before filling in the form, not at submit.
  const access = useWriteAccess();
  const session = useSession();
  return (
    <ContentLayout header={header}>
      <SpaceBetween size="l">
        {access.allowed ? null : (
          <SignInToWriteAlert
            action="create mappings"
            reason={access.reason}
            onSignIn={() => void session.signIn()}
          />
        )}
        {before}
        <MappingForm
          mode="create"
          region={region}
          {...(initialValues ? { initialValues } : {})}
          {...(onValuesChange ? { onValuesChange } : {})}
          onCancel={onCancel}
          onSubmit={async (request) => {
            const mapping = await create.mutateAsync(request);
            const uuid = mapping.UUID ?? '';
            onCreated?.();
            notifyMappingSaved(queryClient, {
              kind: 'create',
              UUID: uuid,
              header: `Mapping ${uuid} created`,
              State: mapping.State,
            });
            await navigate(paths.mapping.getHref(uuid));
          }}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}

/**
 * Clone of a mapping: the create form pre-filled from it (`cloneFormValues`), with the region to
 * create in. The draft is kept in this tab (`saveCloneDraft`) from the first render, so choosing
 * another region — which reloads the page's data — or reloading the tab keeps what was typed; the
 * original is read only while there is no draft.
 */
function CloneMapping({ uuid, onStartOver }: { uuid: string; onStartOver: () => void }) {
  const navigate = useNavigate();
  const config = useRuntimeConfig();
  const region = useSyncExternalStore(subscribeLambdaRegion, getLambdaRegion);
  const [draft] = useState<CloneDraft | undefined>(() => readCloneDraft(uuid));
  // The region switch is done: from now on (a reload, Back) the draft is announced as restored.
  useEffect(() => {
    if (draft?.regionSwitch) saveCloneDraft({ ...draft, regionSwitch: false });
  }, [draft]);
  const detail = useQuery({ ...mappingQueries.detail(uuid), enabled: !draft });
  const arn = detail.data?.EventSourceMappingArn;
  const tags = useQuery({
    ...mappingQueries.tags(arn ?? ''),
    enabled: !draft && arn !== undefined,
    retry: false,
  });
  const fromRegion = draft?.fromRegion ?? region;
  // The values as last typed (a ref: keeping them must not re-render the form on each key).
  const latest = useRef<MappingFormFields | undefined>(undefined);
  const keep = useCallback(
    (values: MappingFormFields) => {
      latest.current = values;
      saveCloneDraft({ UUID: uuid, fromRegion, values });
    },
    [uuid, fromRegion],
  );
  const original = paths.mapping.getHref(uuid);
  const backToOriginal = () => {
    clearCloneDraft(uuid);
    void navigate(`${original}?${REGION_SEARCH_PARAM}=${encodeURIComponent(fromRegion)}`);
  };
  const header = (
    <Header
      variant="h1"
      description={`A new mapping with the settings of ${uuid} (${fromRegion}). Choose the function — any function, alias or version — and the region, then review the request.`}
    >
      Clone mapping
    </Header>
  );

  let initial: MappingFormFields | undefined = draft?.values;
  const notes: React.ReactNode[] = [];
  if (draft && !draft.regionSwitch) {
    notes.push(
      <Alert
        key="draft"
        type="info"
        action={
          <Button
            onClick={() => {
              clearCloneDraft(uuid);
              onStartOver();
            }}
          >
            Start over
          </Button>
        }
      >
        Your draft of this clone, kept in this tab, is restored. Start over to fill the form from{' '}
        {uuid} again.
      </Alert>,
    );
  }
  if (!initial) {
    if (detail.isPending || (arn !== undefined && tags.isPending)) {
      return (
        <ContentLayout header={header}>
          <Box textAlign="center" padding="l">
            <Spinner size="large" /> <Box variant="span">Reading mapping {uuid}</Box>
          </Box>
        </ContentLayout>
      );
    }
    if (!detail.data) {
      return (
        <ContentLayout header={header}>
          {isResourceNotFound(detail.error) ? (
            <Alert type="warning" header="Mapping not found">
              There is no mapping {uuid} in {region} to clone. It may have been deleted, or it lives
              in another region: open it there and choose Clone.
            </Alert>
          ) : (
            <ErrorAlert
              header={`Could not read mapping ${uuid} to clone`}
              error={detail.error}
              onRetry={() => void detail.refetch()}
              retrying={detail.isFetching}
            />
          )}
        </ContentLayout>
      );
    }
    let start: CloneStart;
    try {
      start = cloneFormValues(detail.data, region, tags.data);
    } catch (error) {
      return (
        <ContentLayout header={header}>
          <Alert type="error" header="Cannot clone this mapping">
            {error instanceof Error ? error.message : String(error)}
          </Alert>
        </ContentLayout>
      );
    }
    initial = start.values;
    if (start.consumerGroupIdNotCopied) {
      notes.push(
        <Alert key="group" type="info" header="ConsumerGroupId not copied">
          {uuid} reads in consumer group {start.consumerGroupIdNotCopied}. A consumer group ID must
          be unique among your Kafka event sources (two mappings in one group split the topic's
          partitions), so the clone gets a new one from Lambda unless you type one.
        </Alert>,
      );
    }
    if (tags.error) {
      const { name, message } = toAwsError(tags.error);
      notes.push(
        <Alert key="tags" type="warning" header="Tags not copied">
          The tags of {uuid} could not be read ({name}: {message}); add them below if the clone
          needs them.
        </Alert>,
      );
    }
  }
  // Values that name the original's region (ARNs of its source, secrets, function…) do not
  // exist in another one; Lambda would refuse them only at Create.
  const namingOldRegion =
    region !== fromRegion && initial ? fieldsNamingRegion(initial, fromRegion) : [];
  if (namingOldRegion.length) {
    notes.push(
      <Alert key="region" type="warning" header={`Still in ${fromRegion}`}>
        {namingOldRegion.join(', ')} {namingOldRegion.length === 1 ? 'names' : 'name'} {fromRegion}:
        change {namingOldRegion.length === 1 ? 'it' : 'them'} to resources in {region}, where this
        clone is created.
      </Alert>,
    );
  }
  const regions = configuredRegions(config);
  const before = (
    <SpaceBetween size="s">
      {notes}
      <FormField
        label="Create in region"
        description={
          region === fromRegion
            ? `The original is in ${fromRegion}. Another region keeps everything typed here; its source and function must exist there.`
            : `The original is in ${fromRegion}; this clone is created in ${region}. Check that its event source and function exist in ${region}.`
        }
      >
        <Select
          selectedOption={{ value: region, label: region }}
          options={regions.map((r) => ({ value: r, label: r }))}
          disabled={regions.length < 2}
          onChange={({ detail: { selectedOption } }) => {
            const next = selectedOption.value;
            if (!next || next === region) return;
            const values = latest.current ?? initial;
            if (values) saveCloneDraft({ UUID: uuid, fromRegion, values, regionSwitch: true });
            void navigate(paths.newMapping.getHref({ clone: uuid, region: next }));
          }}
          ariaLabel="Create in region"
        />
      </FormField>
    </SpaceBetween>
  );
  return (
    <CreateMappingPage
      header={header}
      before={before}
      initialValues={initial}
      onValuesChange={keep}
      onCreated={() => clearCloneDraft(uuid)}
      onCancel={backToOriginal}
    />
  );
}

/**
 * `/mappings/new` — create a mapping: source type, then the fields of that type, then a review of
 * the exact request. On success the console opens the new mapping, which follows Creating →
 * Enabled (or Disabled). With `?clone=<UUID>` the form starts from that mapping (Clone).
 */
export default function MappingNewRoute() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const clone = searchParams.get('clone');
  const [attempt, setAttempt] = useState(0);
  if (clone) {
    return (
      <CloneMapping
        key={`${clone}/${attempt}`}
        uuid={clone}
        onStartOver={() => setAttempt((n) => n + 1)}
      />
    );
  }
  return (
    <CreateMappingPage
      header={
        <Header
          variant="h1"
          description="Connect a stream, queue, Kafka topic, message broker or DocumentDB change stream to a function."
        >
          Create mapping
        </Header>
      }
      onCancel={() => void navigate(paths.mappings.getHref())}
    />
  );
}
