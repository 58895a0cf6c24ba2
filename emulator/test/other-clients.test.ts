import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from './helpers.ts';

const run = promisify(execFile);

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ transitionMs: 50 });
});
afterAll(async () => emu.close());
beforeEach(() => emu.app.emulator.reset());

/** Environment for AWS clients: the static pair, no user config files. */
function awsEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
}

const BOTO3_SCRIPT = String.raw`
import json, sys, time
import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
client = boto3.client('lambda', endpoint_url=endpoint, region_name='us-east-1')
out = {}

pages = client.get_paginator('list_event_source_mappings').paginate(PaginationConfig={'PageSize': 100})
sizes = [len(p['EventSourceMappings']) for p in pages]
out['pages'] = len(sizes)
out['total'] = sum(sizes)

functions = client.list_functions(MaxItems=10)
out['functions_page'] = len(functions['Functions'])
out['has_next_marker'] = 'NextMarker' in functions
name = functions['Functions'][0]['FunctionName']

created = client.create_event_source_mapping(
    FunctionName=name, EventSourceArn='arn:aws:sqs:us-east-1:123456789012:boto3-queue', BatchSize=5)
out['create_status'] = created['ResponseMetadata']['HTTPStatusCode']
out['create_state'] = created['State']
out['last_modified_type'] = type(created['LastModified']).__name__

try:
    client.update_event_source_mapping(UUID=created['UUID'], BatchSize=6)
    out['in_use'] = None
except ClientError as e:
    out['in_use'] = e.response['Error']['Code']

time.sleep(0.3)
got = client.get_event_source_mapping(UUID=created['UUID'])
out['state_after'] = got['State']
updated = client.update_event_source_mapping(UUID=created['UUID'], Enabled=False)
out['update_state'] = updated['State']

try:
    client.get_event_source_mapping(UUID='00000000-0000-4000-8000-000000000000')
except ClientError as e:
    out['missing'] = [e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode'], e.response['Error']['Message']]

try:
    client.create_event_source_mapping(FunctionName='no-such-fn', EventSourceArn='arn:aws:sqs:us-east-1:123456789012:x')
except ClientError as e:
    out['no_function'] = [e.response['Error']['Code'], e.response['Error']['Message']]

bad = boto3.client('lambda', endpoint_url=endpoint, region_name='us-east-1',
                   aws_access_key_id='test', aws_secret_access_key='not-test')
try:
    bad.list_functions()
except ClientError as e:
    out['bad_signature'] = e.response['Error']['Code']

print(json.dumps(out))
`;

describe('boto3 (python3)', () => {
  it('pages, creates, updates and reads AWS errors like against AWS', async () => {
    const { stdout } = await run('python3', ['-c', BOTO3_SCRIPT, emu.endpoint], {
      env: awsEnv(),
      timeout: 60_000,
    });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out).toEqual({
      pages: 16,
      total: 1600,
      functions_page: 10,
      has_next_marker: true,
      create_status: 202,
      create_state: 'Creating',
      last_modified_type: 'datetime',
      in_use: 'ResourceInUseException',
      state_after: 'Enabled',
      update_state: 'Disabling',
      missing: ['ResourceNotFoundException', 404, 'The resource you requested does not exist.'],
      no_function: ['InvalidParameterValueException', 'Function does not exist'],
      bad_signature: 'InvalidSignatureException',
    });
  }, 60_000);
});

describe('AWS CLI (v1, botocore) with --endpoint-url', () => {
  const aws = (...args: string[]) =>
    run('aws', ['lambda', ...args, '--endpoint-url', emu.endpoint, '--output', 'json'], {
      env: awsEnv(),
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });

  it('auto-paginates list-event-source-mappings and filters by function', async () => {
    const { stdout } = await aws('list-event-source-mappings', '--page-size', '100');
    const all = JSON.parse(stdout) as { EventSourceMappings: Array<{ FunctionArn: string }> };
    expect(all.EventSourceMappings).toHaveLength(1600);
    const target = all.EventSourceMappings[0]?.FunctionArn ?? '';
    const { stdout: filtered } = await aws('list-event-source-mappings', '--function-name', target);
    const parsed = JSON.parse(filtered) as { EventSourceMappings: Array<{ FunctionArn: string }> };
    expect(parsed.EventSourceMappings.length).toBeGreaterThan(0);
    expect(parsed.EventSourceMappings.every((m) => m.FunctionArn === target)).toBe(true);
  }, 60_000);

  it('prints AWS’s error line for an unknown UUID', async () => {
    const err = (await aws('get-event-source-mapping', '--uuid', 'nope').catch(
      (e: unknown) => e,
    )) as {
      code?: number;
      stderr?: string;
    };
    expect(err.code).not.toBe(0);
    expect(err.stderr).toContain(
      'An error occurred (ResourceNotFoundException) when calling the GetEventSourceMapping operation: The resource you requested does not exist.',
    );
  }, 60_000);
});
