import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import Toggle from '@cloudscape-design/components/toggle';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { toAwsError } from '../../../../api/errors.ts';
import { downloadText } from '../../../../lib/download.ts';
import { exportFileName, regionsScope } from '../../export-file-name.ts';
import { sourceTypeOfMapping } from '../../form/source-limits.ts';
import { mappingQueries } from '../../queries.ts';
import { CODE_FORMATS, type CodeFormat, type MappingCode } from '../mapping-code.ts';
import { toMappingCode } from '../recreate-request.ts';
import { CODE_FORMAT_INFO, renderCode } from '../render-code.ts';
import './code-export-modal.css';

/** A mapping to export and the region it was read in. */
export interface ExportedMapping {
  mapping: EventSourceMappingConfiguration;
  region: string;
}

/** Props of {@link CodeExportModal}. */
export interface CodeExportModalProps {
  /** The mappings to export, in order (one for the detail page, the selection for the list). */
  mappings: readonly ExportedMapping[];
  onDismiss: () => void;
}

/** How many ListTags requests run at once while reading the tags of a selection. */
const TAG_READS_AT_ONCE = 4;

type TagsResult = { tags: Record<string, string> } | { error: unknown };

/**
 * Reads the tags of every mapping (ListTags on its EventSourceMappingArn, from the query cache when
 * the detail page already read them), {@link TAG_READS_AT_ONCE} at a time.
 * @returns per mapping (same order) its tags or the error; `undefined` while reading.
 */
function useTagsOf(mappings: readonly ExportedMapping[]): {
  results: readonly TagsResult[] | undefined;
  done: number;
} {
  const queryClient = useQueryClient();
  const [done, setDone] = useState(0);
  const resources = mappings.map((m) => ({
    arn: m.mapping.EventSourceMappingArn,
    region: m.region,
  }));
  const query = useQuery(
    queryOptions({
      queryKey: ['as-code-tags', resources] as const,
      staleTime: 30_000,
      queryFn: async ({ queryKey: [, items] }) => {
        const results = new Array<TagsResult>(items.length);
        let next = 0;
        let finished = 0;
        const worker = async () => {
          while (next < items.length) {
            const i = next++;
            const { arn, region } = items[i] ?? {};
            try {
              results[i] = {
                tags: arn ? await queryClient.fetchQuery(mappingQueries.tags(arn, region)) : {},
              };
            } catch (error) {
              results[i] = { error };
            }
            setDone(++finished);
          }
        };
        await Promise.all(Array.from({ length: TAG_READS_AT_ONCE }, worker));
        return results;
      },
    }),
  );
  return { results: query.data, done };
}

/** At most this many UUIDs are named in a warning; the rest are counted. */
const UUIDS_NAMED = 3;

/** `a, b, c and 97 more` */
function someUuids(uuids: readonly string[]): string {
  const named = uuids.slice(0, UUIDS_NAMED).join(', ');
  return uuids.length > UUIDS_NAMED ? `${named} and ${uuids.length - UUIDS_NAMED} more` : named;
}

/**
 * The "as code" panel: the mappings as an AWS CLI script, CLI input JSON, CloudFormation, SAM,
 * Terraform (with import blocks) and CDK, one tab per format, each with Copy and Download. Two
 * switches: "Include server defaults" (members equal to what AWS fills in when they are not sent)
 * and "Function as a parameter" (a parameter/variable per function instead of the literal name).
 * Tags are read with ListTags first; a mapping whose tags cannot be read is exported without them
 * and the panel says so. A mapping whose source the console does not recognise is left out, named.
 */
export function CodeExportModal({ mappings, onDismiss }: CodeExportModalProps) {
  const [includeDefaults, setIncludeDefaults] = useState(false);
  const [asParameter, setAsParameter] = useState(false);
  const [format, setFormat] = useState<CodeFormat>('cli');
  const read = useTagsOf(mappings);
  // "Export without tags": the user chose not to wait for ListTags (e.g. while Lambda throttles).
  const [withoutTags, setWithoutTags] = useState(false);
  const tags = useMemo(
    (): readonly TagsResult[] | undefined =>
      withoutTags
        ? mappings.map(() => ({ error: new Error('Export without tags was chosen.') }))
        : read.results,
    [withoutTags, mappings, read.results],
  );

  const unrecognised = useMemo(
    () => mappings.filter((m) => sourceTypeOfMapping(m.mapping) === undefined),
    [mappings],
  );
  const recognisedCount = mappings.length - unrecognised.length;
  const tagErrors = (tags ?? []).flatMap((t, i) =>
    'error' in t ? [{ UUID: mappings[i]?.mapping.UUID ?? '', error: toAwsError(t.error) }] : [],
  );

  const codes = useMemo((): MappingCode[] | undefined => {
    if (!tags) return undefined;
    return mappings.flatMap((m, i) => {
      if (unrecognised.includes(m)) return [];
      const t = tags[i];
      return [
        toMappingCode(m.mapping, {
          region: m.region,
          includeDefaults,
          ...(t && 'tags' in t ? { tags: t.tags } : {}),
        }),
      ];
    });
  }, [mappings, unrecognised, tags, includeDefaults]);

  const rendered = useMemo(() => {
    if (!codes?.length) return undefined;
    try {
      return {
        code: renderCode(format, codes, {
          functionReference: asParameter ? 'reference' : 'literal',
        }),
      };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [codes, format, asParameter]);

  const count = recognisedCount;
  const info = CODE_FORMAT_INFO[format];
  // One time for the panel's downloads: the CLI input JSON's command names the file it offers.
  const [openedAt] = useState(() => new Date());
  const scope = regionsScope(
    mappings.map((m) => m.region),
    mappings[0]?.region ?? '',
  );
  const fileNameOf = (id: CodeFormat) =>
    exportFileName({ scope, what: id, ext: CODE_FORMAT_INFO[id].extension, now: openedAt });
  const title =
    mappings.length === 1
      ? `Mapping ${mappings[0]?.mapping.UUID ?? ''} as code`
      : `${mappings.length} mappings as code`;

  let body: React.ReactNode;
  if (!codes) {
    body = (
      <SpaceBetween size="xs">
        <Box color="text-body-secondary">
          <Spinner />{' '}
          {mappings.length === 1
            ? 'Reading the tags of the mapping (ListTags)'
            : `Reading the tags (ListTags): ${read.done} of ${mappings.length} mappings`}
        </Box>
        <Button onClick={() => setWithoutTags(true)}>Export without tags</Button>
      </SpaceBetween>
    );
  } else if (!rendered) {
    body = <Box color="text-body-secondary">No mapping to export.</Box>;
  } else if ('error' in rendered) {
    body = (
      <Alert type="error" header={`Cannot write ${info.label}`}>
        {rendered.error}
      </Alert>
    );
  } else {
    const { code } = rendered;
    const fileName = fileNameOf(format);
    body = (
      <SpaceBetween size="s">
        <SpaceBetween direction="horizontal" size="xs">
          <CopyToClipboard
            variant="button"
            textToCopy={code.text}
            copyButtonText="Copy"
            copySuccessText={`${info.label} copied`}
            copyErrorText="The browser refused to copy: select the text instead"
          />
          <Button
            iconName="download"
            onClick={() => downloadText(fileName, code.text, code.mediaType)}
          >
            Download {fileName}
          </Button>
        </SpaceBetween>
        <pre className="code-export" tabIndex={0} role="region" aria-label={`${info.label} code`}>
          {code.text}
        </pre>
      </SpaceBetween>
    );
  }

  return (
    <Modal
      visible
      size="max"
      onDismiss={onDismiss}
      header={title}
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onDismiss}>
            Close
          </Button>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <SpaceBetween direction="horizontal" size="l">
          <Toggle
            checked={includeDefaults}
            onChange={({ detail }) => setIncludeDefaults(detail.checked)}
            description="Also write members equal to the value AWS uses when they are not sent."
          >
            Include server defaults
          </Toggle>
          <Toggle
            checked={asParameter}
            onChange={({ detail }) => setAsParameter(detail.checked)}
            description={
              info.takesFunctionReference
                ? 'A parameter or variable per function, defaulting to its name, so the code fits a stack that owns the function.'
                : `${info.label} always has the function's name.`
            }
          >
            Function as a parameter
          </Toggle>
        </SpaceBetween>
        {unrecognised.length ? (
          <Alert type="warning">
            Left out, because the console does not recognise their event source:{' '}
            {someUuids(unrecognised.map((m) => m.mapping.UUID ?? ''))}.
          </Alert>
        ) : null}
        {tagErrors.length ? (
          <Alert type="warning" header="Exported without tags">
            {withoutTags
              ? `The code has no Tags for ${tagErrors.length === 1 ? 'the mapping' : `the ${tagErrors.length} mappings`}, as chosen.`
              : `The tags of ${someUuids(tagErrors.map((e) => e.UUID))} could not be read (${tagErrors[0]?.error.name}: ${tagErrors[0]?.error.message}), so the code has none for them.`}{' '}
            Applying it to the live mappings (e.g. Terraform after its import) would remove their
            tags.
          </Alert>
        ) : null}
        <Tabs
          activeTabId={format}
          onChange={({ detail }) => setFormat(detail.activeTabId as CodeFormat)}
          tabs={CODE_FORMATS.map((id) => ({
            id,
            label: CODE_FORMAT_INFO[id].label,
            content: (
              <SpaceBetween size="s">
                <Box color="text-body-secondary">
                  {CODE_FORMAT_INFO[id].usage(count, fileNameOf(id))}
                </Box>
                {id === format ? body : null}
              </SpaceBetween>
            ),
          }))}
        />
      </SpaceBetween>
    </Modal>
  );
}
