import Box from '@cloudscape-design/components/box';
import type { ReactNode } from 'react';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  title: string;
  subtitle?: string;
  action?: ReactNode;
}

/** The centred message a table shows when it has no rows (empty or no-match). */
export function EmptyState({ title, subtitle, action }: EmptyStateProps) {
  return (
    <Box textAlign="center" color="inherit">
      <Box variant="strong" textAlign="center" color="inherit">
        {title}
      </Box>
      {subtitle ? (
        <Box variant="p" padding={{ bottom: 's' }} color="inherit">
          {subtitle}
        </Box>
      ) : null}
      {action}
    </Box>
  );
}
