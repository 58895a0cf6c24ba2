import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { MappingDiffRow } from '../form/to-request.ts';

function Value({ text, strike }: { text: string; strike?: boolean }) {
  return (
    <Box variant="span" color={strike ? 'text-body-secondary' : 'inherit'}>
      <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {strike ? <del>{text}</del> : <ins style={{ textDecoration: 'none' }}>{text}</ins>}
      </span>
    </Box>
  );
}

/**
 * The change set shown before Apply: one row per field the update sends, with the current value
 * and the value it will have (from `diffMapping`; AWS's default is named where the mapping had
 * none, e.g. `500 ms (default)`). An empty diff says there is nothing to apply.
 * @param props.rows output of `diffMapping(existing, update)`.
 */
export function MappingDiff({ rows }: { rows: readonly MappingDiffRow[] }) {
  return (
    <Table
      variant="container"
      header={
        <Header
          variant="h2"
          counter={`(${rows.length})`}
          description="Only these fields are sent; everything else stays as it is."
        >
          Changes
        </Header>
      }
      ariaLabels={{ tableLabel: 'Changes' }}
      wrapLines
      items={rows as MappingDiffRow[]}
      trackBy="field"
      empty={
        <Box textAlign="center" color="inherit">
          <Box variant="strong" color="inherit">
            No changes
          </Box>
          <Box variant="p" color="inherit">
            The form matches the mapping; there is nothing to apply.
          </Box>
        </Box>
      }
      columnDefinitions={[
        { id: 'field', header: 'Field', cell: (row) => row.field, isRowHeader: true, width: 260 },
        { id: 'old', header: 'Current', cell: (row) => <Value text={row.old} strike /> },
        { id: 'new', header: 'New', cell: (row) => <Value text={row.new} /> },
      ]}
    />
  );
}
