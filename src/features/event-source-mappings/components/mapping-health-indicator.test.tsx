import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MappingHealthIndicator } from './mapping-health-indicator.tsx';

describe('MappingHealthIndicator', () => {
  it('shows the label, the cause of a problem, and the summary on hover', () => {
    render(
      <>
        <MappingHealthIndicator
          health={{
            class: 'problem',
            cause: 'auth',
            summary: 'Problem (authentication or permissions): SASL authentication failed.',
          }}
        />
        <MappingHealthIndicator
          health={{
            class: 'disabled-by-lambda',
            reasonCode: 'FUNCTION_CONFIG_NOT_VALID',
            summary: 'Disabled by Lambda: the function configuration is not valid',
          }}
        />
        <MappingHealthIndicator health={{ class: 'healthy', summary: 'Enabled: OK' }} />
      </>,
    );
    const problem = screen.getByText('Problem: Authentication or permissions');
    expect(problem.closest('[title]')?.getAttribute('title')).toBe(
      'Problem (authentication or permissions): SASL authentication failed.',
    );
    expect(screen.getByText('Disabled by Lambda')).toBeTruthy();
    expect(screen.getByText('Healthy')).toBeTruthy();
  });
});
