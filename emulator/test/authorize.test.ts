import { describe, expect, it } from 'vitest';
import { assumedRoleArn, authorizeRole, requestedAction } from '../src/authorize.ts';
import { LambdaError } from '../src/errors.ts';

const ACCOUNT = '123456789012';
const MAPPING = '14e0db71-5d35-4eb5-b481-8945cf9d10c2';

describe('requestedAction (IAM action and resource of a Lambda request)', () => {
  it.each([
    ['GET', '/2015-03-31/event-source-mappings?MaxItems=5', 'ListEventSourceMappings', '*'],
    ['POST', '/2015-03-31/event-source-mappings/', 'CreateEventSourceMapping', '*'],
    [
      'GET',
      `/2015-03-31/event-source-mappings/${MAPPING}`,
      'GetEventSourceMapping',
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:event-source-mapping:${MAPPING}`,
    ],
    [
      'PUT',
      `/2015-03-31/event-source-mappings/${MAPPING}`,
      'UpdateEventSourceMapping',
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:event-source-mapping:${MAPPING}`,
    ],
    [
      'DELETE',
      `/2015-03-31/event-source-mappings/${MAPPING}`,
      'DeleteEventSourceMapping',
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:event-source-mapping:${MAPPING}`,
    ],
    ['GET', '/2015-03-31/functions?FunctionVersion=ALL', 'ListFunctions', '*'],
    [
      'GET',
      '/2015-03-31/functions/orders/configuration?Qualifier=live',
      'GetFunctionConfiguration',
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders:live`,
    ],
    [
      'GET',
      `/2015-03-31/functions/${encodeURIComponent(`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders`)}/configuration`,
      'GetFunctionConfiguration',
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders`,
    ],
    [
      'GET',
      `/2015-03-31/functions/${encodeURIComponent(`${ACCOUNT}:function:orders`)}`,
      'GetFunction',
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders`,
    ],
    [
      'GET',
      '/2015-03-31/functions/orders/versions?MaxItems=50',
      'ListVersionsByFunction',
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders`,
    ],
    [
      'GET',
      `/2015-03-31/functions/${encodeURIComponent(`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders`)}/aliases?FunctionVersion=3`,
      'ListAliases',
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders`,
    ],
  ])('%s %s → lambda:%s on %s', (method, url, action, resource) => {
    expect(requestedAction(method, url, 'eu-west-1', ACCOUNT)).toEqual({
      action: `lambda:${action}`,
      resource,
    });
  });

  it('is undefined for paths that are no operation (the router answers those)', () => {
    expect(requestedAction('GET', '/', 'us-east-1', ACCOUNT)).toBeUndefined();
    expect(
      requestedAction('PATCH', '/2015-03-31/event-source-mappings', 'us-east-1', ACCOUNT),
    ).toBeUndefined();
    expect(
      requestedAction('POST', `/2015-03-31/event-source-mappings/${MAPPING}`, 'us-east-1', ACCOUNT),
    ).toBeUndefined();
    expect(requestedAction('GET', '/2020-01-01/functions', 'us-east-1', ACCOUNT)).toBeUndefined();
  });
});

describe('authorizeRole', () => {
  const update = {
    action: 'lambda:UpdateEventSourceMapping',
    resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:event-source-mapping:${MAPPING}`,
  };
  const list = { action: 'lambda:ListEventSourceMappings', resource: '*' };

  it('lets guests read only, unless guest access is read-write', () => {
    const guest = assumedRoleArn(ACCOUNT, 'guest');
    expect(() => authorizeRole('guest', 'read-only', list, guest)).not.toThrow();
    let error: unknown;
    try {
      authorizeRole('guest', 'read-only', update, guest);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LambdaError);
    expect((error as LambdaError).code).toBe('AccessDeniedException');
    expect((error as LambdaError).status).toBe(403);
    expect((error as LambdaError).message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/EsmConsoleGuestRole/CognitoIdentityCredentials is not authorized to perform: lambda:UpdateEventSourceMapping on resource: ${update.resource} because no identity-based policy allows the lambda:UpdateEventSourceMapping action`,
    );
    expect(() => authorizeRole('guest', 'read-write', update, guest)).not.toThrow();
    for (const action of ['lambda:ListVersionsByFunction', 'lambda:ListAliases']) {
      const read = { action, resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders` };
      expect(() => authorizeRole('guest', 'read-only', read, guest), action).not.toThrow();
      expect(() =>
        authorizeRole('authenticated', 'read-only', read, assumedRoleArn(ACCOUNT, 'authenticated')),
      ).not.toThrow();
    }
  });

  it('lets the signed-in role do the console’s actions and nothing else', () => {
    const user = assumedRoleArn(ACCOUNT, 'authenticated');
    expect(() => authorizeRole('authenticated', 'read-only', update, user)).not.toThrow();
    expect(() =>
      authorizeRole(
        'authenticated',
        'read-only',
        { action: 'lambda:GetFunction', resource: '*' },
        user,
      ),
    ).toThrow(/is not authorized to perform: lambda:GetFunction/);
    expect(() => authorizeRole('authenticated', 'read-only', undefined, user)).not.toThrow();
  });
});
