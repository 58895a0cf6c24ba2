import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { useNavigate, useParams } from 'react-router';
import { getLambdaRegion, subscribeLambdaRegion } from '../../api/lambda-client.ts';
import { isResourceNotFound, toAwsError } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { configuredRegions } from '../../config/env.ts';
import { paths } from '../../config/paths.ts';
import {
  MappingDetails,
  MappingStateSection,
} from '../../features/event-source-mappings/components/mapping-details.tsx';
import type { ExportedMapping } from '../../features/event-source-mappings/as-code/components/code-export-modal.tsx';
import { LazyCodeExportModal } from '../../features/event-source-mappings/as-code/components/lazy-code-export-modal.tsx';
import { DeleteMappingButton } from '../../features/event-source-mappings/components/delete-mapping-modal.tsx';
import { EditMappingButton } from '../../features/event-source-mappings/components/edit-mapping-button.tsx';
import { MappingNotFoundAlert } from '../../features/event-source-mappings/components/mapping-not-found-alert.tsx';
import { MappingHealthAlert } from '../../features/event-source-mappings/components/mapping-health-alert.tsx';
import { SetEnabledButton } from '../../features/event-source-mappings/components/set-enabled-button.tsx';
import { StateTransitions } from '../../features/event-source-mappings/components/state-transitions.tsx';
import { describeEventSource } from '../../features/event-source-mappings/event-source.ts';
import { parseFunctionArn } from '../../features/event-source-mappings/function-arn.ts';
import { useFunctionInventory } from '../../features/event-source-mappings/function-inventory.ts';
import { isStuckMapping } from '../../features/event-source-mappings/mapping-health.ts';
import { isTransitionalState } from '../../features/event-source-mappings/mapping-state.ts';
import { FOLLOW_POLLING } from '../../features/event-source-mappings/follow-until-settled.ts';
import { mappingQueries } from '../../features/event-source-mappings/queries.ts';
import { useStateHistory } from '../../features/event-source-mappings/state-history.ts';
import { useWriteAccess } from '../../lib/write-access.ts';
import { useRuntimeConfig } from '../provider.tsx';

const backToList = <RouterLink href={paths.mappings.getHref()}>Back to mappings</RouterLink>;

function MappingDetail({ uuid }: { uuid: string }) {
  // Polls while transitional, backing off when throttled and pausing while the tab is hidden.
  const query = useQuery({ ...mappingQueries.detail(uuid), ...FOLLOW_POLLING });
  const access = useWriteAccess();
  const navigate = useNavigate();
  const region = useSyncExternalStore(subscribeLambdaRegion, getLambdaRegion);
  const config = useRuntimeConfig();
  const regions = useMemo(() => configuredRegions(config), [config]);
  // The mapping as it was when View as code was chosen (the panel renders from a stable list).
  const [codeOf, setCodeOf] = useState<readonly ExportedMapping[]>();
  const {
    data: mapping,
    error,
    isPending,
    dataUpdatedAt,
    errorUpdatedAt,
    refetch,
    isFetching,
  } = query;
  const deleted = isResourceNotFound(error);
  const functionArn = mapping?.FunctionArn;
  const functionArns = useMemo(() => (functionArn ? [functionArn] : []), [functionArn]);
  // Whether the function (and its version or alias) still exists: orphaned mappings.
  const inventory = useFunctionInventory(functionArns, { enabled: !deleted && !!functionArn });
  const history = useStateHistory(
    deleted && mapping
      ? { State: 'Deleted', at: errorUpdatedAt }
      : mapping?.State
        ? {
            State: mapping.State,
            ...(mapping.StateTransitionReason
              ? { StateTransitionReason: mapping.StateTransitionReason }
              : {}),
            at: dataUpdatedAt,
          }
        : undefined,
  );

  const refreshButton = (
    <Button
      iconName="refresh"
      ariaLabel="Refresh mapping"
      onClick={() => void refetch()}
      loading={isFetching}
      disabled={deleted}
    />
  );

  const header = (description?: React.ReactNode, actions?: React.ReactNode) => (
    <Header variant="h1" description={description} actions={actions}>
      Mapping {uuid}
    </Header>
  );

  if (isPending) {
    return (
      <ContentLayout header={header()}>
        <Box textAlign="center" padding="l">
          <Spinner size="large" /> <Box variant="span">Loading mapping</Box>
        </Box>
      </ContentLayout>
    );
  }

  if (!mapping) {
    return (
      <ContentLayout header={header()}>
        {deleted ? (
          <MappingNotFoundAlert
            uuid={uuid}
            region={region}
            regions={regions}
            error={error}
            back={backToList}
          />
        ) : (
          <ErrorAlert
            header="Could not load the mapping"
            error={error}
            onRetry={() => void refetch()}
            retrying={isFetching}
          />
        )}
      </ContentLayout>
    );
  }

  const fn = mapping.FunctionArn ? parseFunctionArn(mapping.FunctionArn) : undefined;
  const source = describeEventSource(mapping);
  const transitional = !deleted && isTransitionalState(mapping.State);

  return (
    <ContentLayout
      header={header(
        `${fn ? `${fn.name}${fn.qualifier ? `:${fn.qualifier}` : ''}` : 'Unknown function'} ← ${source.type} ${source.resourceName}`,
        deleted ? undefined : (
          <SpaceBetween direction="horizontal" size="xs">
            {refreshButton}
            <SetEnabledButton mapping={mapping} />
            <DeleteMappingButton mapping={mapping} />
            <Button onClick={() => setCodeOf([{ mapping, region }])}>View as code</Button>
            <Button
              href={access.allowed ? paths.newMapping.getHref({ clone: uuid }) : undefined}
              onFollow={(event) => {
                event.preventDefault();
                void navigate(paths.newMapping.getHref({ clone: uuid }));
              }}
              disabled={!access.allowed}
              disabledReason={access.allowed ? undefined : access.reason}
            >
              Clone
            </Button>
            <EditMappingButton mapping={mapping} writeAccess={access} />
          </SpaceBetween>
        ),
      )}
    >
      <SpaceBetween size="l">
        {deleted ? (
          <Alert type="warning" header="This mapping has been deleted">
            <SpaceBetween size="xs">
              <span>
                Lambda no longer knows mapping {uuid} ({toAwsError(error).name}). Below is the last
                configuration this page saw.
              </span>
              {backToList}
            </SpaceBetween>
          </Alert>
        ) : null}
        {deleted ? null : (
          <MappingHealthAlert
            writeAccess={access}
            mapping={mapping}
            functionStatus={functionArn ? inventory.statusOf(functionArn) : 'unknown'}
          />
        )}
        <MappingStateSection
          // Once Lambda no longer knows the mapping, its last State (Deleting) would contradict
          // the alert and the transitions table.
          mapping={deleted ? { ...mapping, State: 'Deleted' } : mapping}
          footer={
            transitional ? (
              <StatusIndicator type="loading">
                {isStuckMapping(mapping, dataUpdatedAt)
                  ? `${mapping.State} for more than half an hour: checking again every minute`
                  : `${mapping.State}: checking again every second until the mapping is stable`}
              </StatusIndicator>
            ) : undefined
          }
        />
        <StateTransitions history={history} />
        <MappingDetails mapping={mapping} />
        {codeOf ? (
          <LazyCodeExportModal mappings={codeOf} onDismiss={() => setCodeOf(undefined)} />
        ) : null}
      </SpaceBetween>
    </ContentLayout>
  );
}

/** `/mappings/:uuid` — one mapping, followed live while its state is transitional. */
export default function MappingRoute() {
  const { uuid = '' } = useParams();
  return <MappingDetail key={uuid} uuid={uuid} />;
}
