import { describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  assumedRoleArn,
  authorizeRole,
  iam,
  installLambdaAuthorization,
  routeAction,
} from '../src/authorize.ts';
import { LambdaError } from '../src/errors.ts';

const ACCOUNT = '123456789012';
const MAPPING = '14e0db71-5d35-4eb5-b481-8945cf9d10c2';

/** A bare fastify app with the emulator's Lambda route shapes, answering the routed action. */
async function routed(): Promise<FastifyInstance> {
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1024 } });
  const answer = async (request: FastifyRequest): Promise<unknown> =>
    routeAction(request, 'eu-west-1', ACCOUNT) ?? { action: 'none' };
  app.get(
    '/2015-03-31/event-source-mappings',
    { config: iam('lambda:ListEventSourceMappings') },
    answer,
  );
  app.post(
    '/2015-03-31/event-source-mappings',
    { config: iam('lambda:CreateEventSourceMapping') },
    answer,
  );
  for (const [method, action] of [
    ['GET', 'lambda:GetEventSourceMapping'],
    ['PUT', 'lambda:UpdateEventSourceMapping'],
    ['DELETE', 'lambda:DeleteEventSourceMapping'],
  ] as const) {
    app.route({
      method,
      url: '/2015-03-31/event-source-mappings/:UUID',
      config: iam(action, 'event-source-mapping'),
      handler: answer,
    });
  }
  app.get('/2015-03-31/functions', { config: iam('lambda:ListFunctions') }, answer);
  app.get(
    '/2015-03-31/functions/:FunctionName',
    { config: iam('lambda:GetFunction', 'function') },
    answer,
  );
  app.get(
    '/2015-03-31/functions/:FunctionName/configuration',
    { config: iam('lambda:GetFunctionConfiguration', 'function') },
    answer,
  );
  app.get(
    '/2015-03-31/functions/:FunctionName/versions',
    { config: iam('lambda:ListVersionsByFunction', 'function-unqualified') },
    answer,
  );
  app.get('/2017-03-31/tags/:ARN', { config: iam('lambda:ListTags', { arnLabel: 'ARN' }) }, answer);
  app.get('/no-action', answer);
  await app.ready();
  return app;
}

describe('routeAction (IAM action and resource of the route the router matched)', () => {
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
      `/2015-03-31/functions/${encodeURIComponent('orders:live')}/versions?MaxItems=50`,
      'ListVersionsByFunction',
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders`,
    ],
    [
      'GET',
      `/2017-03-31/tags/${encodeURIComponent(`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders`)}`,
      'ListTags',
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders`,
    ],
  ])('%s %s → lambda:%s on %s', async (method, url, action, resource) => {
    const app = await routed();
    const res = await app.inject({ method: method as 'GET', url });
    expect(res.json()).toEqual({ action: `lambda:${action}`, resource });
    await app.close();
  });

  it('names no action for a route that declares none', async () => {
    const app = await routed();
    expect((await app.inject({ method: 'GET', url: '/no-action' })).json()).toEqual({
      action: 'none',
    });
    await app.close();
  });
});

describe('installLambdaAuthorization', () => {
  it('refuses to register a Lambda API route that declares no IAM action', async () => {
    const app = Fastify();
    installLambdaAuthorization(app, {
      accountId: ACCOUNT,
      guestAccess: 'read-only',
      issued: () => undefined,
    });
    expect(() =>
      app.get('/2015-03-31/functions/:FunctionName/concurrency', async () => ({})),
    ).toThrow(
      'Lambda route GET /2015-03-31/functions/:FunctionName/concurrency declares no IAM action',
    );
    await app.close();
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
  });
});
