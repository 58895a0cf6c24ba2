import {
  LambdaServiceException,
  ResourceNotFoundException,
  ServiceException,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import {
  isInvalidCredentials,
  isResourceNotFound,
  isRetryableAfterSdk,
  toAwsError,
} from './errors.ts';

const metadata = (httpStatusCode: number) => ({
  httpStatusCode,
  requestId: 'req-1',
  attempts: 1,
  totalRetryDelay: 0,
});

describe('toAwsError', () => {
  it('keeps an AWS exception name and message, with status and request id', () => {
    const error = new ResourceNotFoundException({
      message: 'The resource you requested does not exist.',
      $metadata: metadata(404),
    });
    expect(toAwsError(error)).toEqual({
      name: 'ResourceNotFoundException',
      message: 'The resource you requested does not exist.',
      httpStatusCode: 404,
      requestId: 'req-1',
    });
  });

  it('keeps a 500 ServiceException', () => {
    const error = new ServiceException({ message: 'Injected fault', $metadata: metadata(500) });
    expect(toAwsError(error)).toMatchObject({
      name: 'ServiceException',
      message: 'Injected fault',
    });
  });

  it('names an error whose exception the browser could not see by its status', () => {
    const error = new LambdaServiceException({
      name: 'Unknown',
      $fault: 'server',
      message: 'UnknownError',
      $metadata: metadata(503),
    });
    expect(toAwsError(error)).toMatchObject({
      name: 'HTTP 503 error',
      message: 'The service answered HTTP 503 without naming an exception.',
      httpStatusCode: 503,
    });
  });

  it('turns a fetch failure into NetworkError', () => {
    const error = Object.assign(new TypeError('Failed to fetch'), { $metadata: { attempts: 3 } });
    expect(toAwsError(error)).toMatchObject({
      name: 'NetworkError',
      message: expect.stringContaining('Failed to fetch'),
    });
  });

  it('keeps other errors and stringifies non-errors', () => {
    expect(toAwsError(new RangeError('bad'))).toEqual({ name: 'RangeError', message: 'bad' });
    expect(toAwsError('boom')).toEqual({ name: 'Error', message: 'boom' });
    expect(toAwsError({ a: 1 })).toEqual({ name: 'Error', message: '{"a":1}' });
  });
});

describe('isResourceNotFound', () => {
  it('is true for ResourceNotFoundException and unnamed 404s only', () => {
    expect(
      isResourceNotFound(new ResourceNotFoundException({ message: 'x', $metadata: metadata(404) })),
    ).toBe(true);
    expect(
      isResourceNotFound(
        new LambdaServiceException({
          name: '404',
          $fault: 'client',
          message: '',
          $metadata: metadata(404),
        }),
      ),
    ).toBe(true);
    expect(
      isResourceNotFound(new ServiceException({ message: 'x', $metadata: metadata(500) })),
    ).toBe(false);
    expect(isResourceNotFound(undefined)).toBe(false);
  });
});

describe('isInvalidCredentials', () => {
  const named = (name: string, status = 403) =>
    Object.assign(new Error('x'), { name, $metadata: metadata(status) });

  it('is true for the errors AWS answers refused credentials with', () => {
    for (const name of [
      'UnrecognizedClientException',
      'ExpiredTokenException',
      'InvalidSignatureException',
    ]) {
      expect(isInvalidCredentials(named(name))).toBe(true);
    }
  });

  it('is false for a refused permission or other errors', () => {
    expect(isInvalidCredentials(named('AccessDeniedException'))).toBe(false);
    expect(isInvalidCredentials(named('ResourceNotFoundException', 404))).toBe(false);
    expect(isInvalidCredentials('UnrecognizedClientException')).toBe(false);
  });
});

describe('isRetryableAfterSdk', () => {
  it('is true for throttling and for requests that got no answer', () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'TooManyRequestsException',
      $metadata: metadata(429),
    });
    expect(isRetryableAfterSdk(throttled)).toBe(true);
    expect(isRetryableAfterSdk(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryableAfterSdk(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe(true);
  });

  it('is false for answers that will not change, and for cancellations', () => {
    expect(
      isRetryableAfterSdk(new ServiceException({ message: 'x', $metadata: metadata(500) })),
    ).toBe(false);
    expect(
      isRetryableAfterSdk(
        new ResourceNotFoundException({ message: 'x', $metadata: metadata(404) }),
      ),
    ).toBe(false);
    expect(isRetryableAfterSdk(Object.assign(new Error('a'), { name: 'AbortError' }))).toBe(false);
  });
});
