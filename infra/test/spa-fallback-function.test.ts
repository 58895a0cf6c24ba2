import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SPA_FALLBACK_FUNCTION_FILE } from '../lib/console-stack.ts';

interface CloudFrontRequest {
  method: string;
  uri: string;
  querystring: Record<string, { value: string }>;
  headers: Record<string, { value: string }>;
  cookies: Record<string, { value: string }>;
}

/**
 * Runs the deployed function file in a fresh V8 context (as CloudFront does: a script defining
 * `handler`) on a viewer-request event, and returns what it hands back to CloudFront.
 */
function runViewerRequest(uri: string): CloudFrontRequest {
  const code = readFileSync(SPA_FALLBACK_FUNCTION_FILE, 'utf8');
  const request: CloudFrontRequest = {
    method: 'GET',
    uri,
    querystring: { tab: { value: 'config' } },
    headers: { host: { value: 'd111111abcdef8.cloudfront.net' } },
    cookies: {},
  };
  const event = {
    version: '1.0',
    context: { eventType: 'viewer-request', distributionId: 'EDFDVBD6EXAMPLE' },
    viewer: { ip: '198.51.100.7' },
    request,
  };
  const sandbox: { event: typeof event; result?: CloudFrontRequest } = { event };
  runInNewContext(`${code}\nresult = handler(event);`, sandbox);
  if (sandbox.result === undefined) throw new Error('handler returned nothing');
  return sandbox.result;
}

describe('SPA fallback CloudFront Function', () => {
  it.each([
    ['/mappings/abc', '/index.html'],
    ['/mappings/6a1c8b8e-2d4f-4c3b-9b1a-0f2e3d4c5b6a/edit', '/index.html'],
    ['/mappings/abc/', '/index.html'],
    ['/', '/index.html'],
    // A directory-style URI never reaches S3 as a listing request.
    ['/assets/', '/index.html'],
  ])('rewrites the deep link %s to %s', (uri, expected) => {
    expect(runViewerRequest(uri).uri).toBe(expected);
  });

  it.each([
    '/assets/x.js',
    '/assets/index-B1sOHjZm.css',
    '/config.json',
    '/favicon.ico',
    '/index.html',
  ])('leaves the file path %s alone, so a missing file stays a 404', (uri) => {
    expect(runViewerRequest(uri).uri).toBe(uri);
  });

  it('returns the request itself (not a response), keeping query string and headers', () => {
    const result = runViewerRequest('/mappings/abc');
    expect(result.method).toBe('GET');
    expect(result.querystring).toEqual({ tab: { value: 'config' } });
    expect(result.headers.host).toEqual({ value: 'd111111abcdef8.cloudfront.net' });
    expect(result).not.toHaveProperty('statusCode');
  });
});
