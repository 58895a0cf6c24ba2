import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, parseRuntimeConfig } from '../config/env.ts';
import { ConfigErrorPage, ConfigUnavailablePage } from './config-error-page.tsx';

describe('ConfigUnavailablePage', () => {
  it('says config.json could not be downloaded, offers Retry, and retries once back online', () => {
    const onRetry = vi.fn();
    render(
      <ConfigUnavailablePage source="/config.json" reason="Failed to fetch" onRetry={onRetry} />,
    );
    expect(screen.getByRole('heading', { name: 'The console could not start' })).toBeTruthy();
    expect(screen.getByText('/config.json could not be downloaded')).toBeTruthy();
    expect(screen.getByText(/Failed to fetch\. Check your connection/)).toBeTruthy();
    expect(screen.queryByText(/not configured correctly/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(onRetry).toHaveBeenCalledTimes(2);
  });
});

describe('ConfigErrorPage', () => {
  it('lists each mistake of a config.json once, by its JSON path', () => {
    let error: unknown;
    try {
      parseRuntimeConfig(
        {
          identityPoolId: 'eu-west-1:0f6e2b8a',
          regions: 'eu-west-1',
          lambdaEndpoint: 'http://127.0.0.1:4599',
          lamdaEndpoint: 'http://127.0.0.1:4599',
          auth: { mode: 'guest', userPoolClientId: 'abc', authority: 'cognito' },
        },
        '/config.json',
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { source, problems } = error as ConfigError;
    render(<ConfigErrorPage source={source} problems={problems} />);
    expect(screen.getByText('Invalid configuration in /config.json')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'region: is required',
      'regions: must be an array, not a string',
      'auth.authority: must be an absolute http:// or https:// URL',
      'lamdaEndpoint: is not a known key (allowed: region, regions, identityPoolId, auth, lambdaEndpoint, cognitoIdentityEndpoint)',
    ]);
  });
});
