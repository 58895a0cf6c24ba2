import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Validations, type Acknowledgment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SPA_FALLBACK_FUNCTION_FILE } from '../lib/console-stack.ts';
import {
  buildContentSecurityPolicy,
  cspOptionsFromRuntimeConfig,
  STATIC_SECURITY_HEADERS,
} from '../lib/content-security-policy.ts';
import {
  buildConsole,
  makeSiteDir,
  synthConsole,
  type SynthesizedConsole,
} from './stack-fixture.ts';
import { removeTempDirs } from './temp-dirs.ts';

type Json = Record<string, unknown>;
type Statement = {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Condition?: Json;
};

const ACCOUNT = '123456789012';

afterAll(removeTempDirs);

/**
 * What the console calls (issue 4): mapping CRUD + list, ListFunctions, GetFunctionConfiguration;
 * ListVersionsByFunction and ListAliases (fleet list at 10,000 mappings: which qualifiers exist);
 * the mappings' tags (issue 9: TagResource, UntagResource, ListTags).
 */
const AUTHENTICATED_LAMBDA_ACTIONS = [
  'lambda:CreateEventSourceMapping',
  'lambda:GetEventSourceMapping',
  'lambda:UpdateEventSourceMapping',
  'lambda:DeleteEventSourceMapping',
  'lambda:ListEventSourceMappings',
  'lambda:TagResource',
  'lambda:UntagResource',
  'lambda:ListTags',
  'lambda:ListFunctions',
  'lambda:GetFunctionConfiguration',
  'lambda:ListVersionsByFunction',
  'lambda:ListAliases',
];

/** The read-only subset for guests (tags: ListTags only). */
const GUEST_LAMBDA_ACTIONS = [
  'lambda:GetEventSourceMapping',
  'lambda:ListEventSourceMappings',
  'lambda:ListTags',
  'lambda:ListFunctions',
  'lambda:GetFunctionConfiguration',
  'lambda:ListVersionsByFunction',
  'lambda:ListAliases',
];

/** All resources of one CloudFormation type, by logical id. */
function resourcesOf(template: Template, type: string): [string, Json][] {
  return Object.entries(template.findResources(type)) as [string, Json][];
}

function only<T>(items: T[], what: string): T {
  expect(items, what).toHaveLength(1);
  return items[0] as T;
}

function props(resource: Json): Json {
  return resource.Properties as Json;
}

function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/** Every Allow statement of every IAM role (inline) and policy in the template. */
function allIamStatements(template: Template): { owner: string; statement: Statement }[] {
  const out: { owner: string; statement: Statement }[] = [];
  for (const [id, role] of resourcesOf(template, 'AWS::IAM::Role')) {
    for (const policy of (props(role).Policies as {
      PolicyDocument: { Statement: Statement[] };
    }[]) ?? []) {
      for (const statement of policy.PolicyDocument.Statement) out.push({ owner: id, statement });
    }
  }
  for (const [id, policy] of resourcesOf(template, 'AWS::IAM::Policy')) {
    const document = props(policy).PolicyDocument as { Statement: Statement[] };
    for (const statement of document.Statement) out.push({ owner: id, statement });
  }
  return out;
}

/** The role whose trust policy names the given `amr` of the identity pool. */
function identityPoolRole(template: Template, amr: string): [string, Json] | undefined {
  return resourcesOf(template, 'AWS::IAM::Role').find(([, role]) =>
    JSON.stringify(props(role).AssumeRolePolicyDocument).includes(`"${amr}"`),
  );
}

function roleActions(role: Json): string[] {
  const policies = props(role).Policies as { PolicyDocument: { Statement: Statement[] } }[];
  return policies.flatMap((p) => p.PolicyDocument.Statement.flatMap((s) => asArray(s.Action)));
}

/** The site deployment (index.html + generated config.json) custom resource's properties. */
function siteDeployment(template: Template): Json {
  return props(
    only(
      resourcesOf(template, 'Custom::CDKBucketDeployment').filter(([id]) =>
        id.startsWith('DeploySite'),
      ),
      'DeploySite',
    )[1],
  );
}

/** Staged asset directory of a deployment source object key. */
function assetDir(deployed: SynthesizedConsole, objectKey: string): string {
  return join(deployed.outdir, `asset.${objectKey.replace(/\.zip$/, '')}`);
}

/**
 * The config.json the stack deploys, with BucketDeployment's deploy-time markers replaced by
 * the CloudFormation values they stand for (e.g. `{ Ref: 'IdentityPool' }`).
 */
function deployedConfig(deployed: SynthesizedConsole): {
  config: Json;
  markers: Record<string, Json>;
} {
  const site = siteDeployment(deployed.template);
  const configKey = (site.SourceObjectKeys as string[])[1] ?? '';
  const markers = (site.SourceMarkers as Json[])[1] as Record<string, Json>;
  const raw = readFileSync(join(assetDir(deployed, configKey), 'config.json'), 'utf8');
  const config = JSON.parse(raw, (_key, value: unknown) =>
    typeof value === 'string' && value in markers ? markers[value] : value,
  ) as Json;
  return { config, markers };
}

describe('ConsoleStack (defaults: signed-in only, one region, offline synth)', () => {
  let deployed: SynthesizedConsole;
  let template: Template;

  beforeAll(() => {
    deployed = synthConsole();
    template = deployed.template;
  });

  describe('site bucket', () => {
    it('blocks all public access, encrypts at rest, has no ACLs and no website endpoint', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
          ],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { LogFilePrefix: 's3-access/' },
      });
      for (const [id, bucket] of resourcesOf(template, 'AWS::S3::Bucket')) {
        expect(props(bucket), id).not.toHaveProperty('WebsiteConfiguration');
        expect(props(bucket).PublicAccessBlockConfiguration, id).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
      }
    });

    it('lets only this distribution read it (OAC), and refuses plain HTTP', () => {
      const [siteBucketId] = only(
        resourcesOf(template, 'AWS::S3::Bucket').filter(
          ([, b]) =>
            (props(b).OwnershipControls as { Rules: { ObjectOwnership: string }[] }).Rules[0]
              ?.ObjectOwnership === 'BucketOwnerEnforced',
        ),
        'site bucket',
      );
      const [, policy] = only(
        resourcesOf(template, 'AWS::S3::BucketPolicy').filter(
          ([, p]) => JSON.stringify(props(p).Bucket) === JSON.stringify({ Ref: siteBucketId }),
        ),
        'site bucket policy',
      );
      const statements = (props(policy).PolicyDocument as { Statement: (Statement & Json)[] })
        .Statement;
      const allows = statements.filter((s) => s.Effect === 'Allow');
      expect(allows.length).toBeGreaterThan(0);
      for (const statement of allows) {
        expect(statement.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
        expect(statement.Condition).toEqual({
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::',
                  { Ref: 'AWS::AccountId' },
                  ':distribution/',
                  { Ref: expect.stringMatching(/^Distribution/) },
                ],
              ],
            },
          },
        });
      }
      expect(new Set(allows.flatMap((s) => asArray(s.Action)))).toEqual(
        new Set(['s3:GetObject', 's3:ListBucket']),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    });

    it('reaches the bucket through an Origin Access Control, not an OAI', () => {
      template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: {
          OriginAccessControlOriginType: 's3',
          SigningBehavior: 'always',
          SigningProtocol: 'sigv4',
        },
      });
      template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
      const distribution = only(resourcesOf(template, 'AWS::CloudFront::Distribution'), 'dist')[1];
      const config = props(distribution).DistributionConfig as {
        Origins: { OriginAccessControlId: unknown; S3OriginConfig: Json }[];
      };
      const origin = only(config.Origins, 'origin');
      expect(origin.OriginAccessControlId).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'],
      });
      expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    });
  });

  describe('distribution', () => {
    let config: Json & { DefaultCacheBehavior: Json };

    beforeAll(() => {
      const distribution = only(resourcesOf(template, 'AWS::CloudFront::Distribution'), 'dist')[1];
      config = props(distribution).DistributionConfig as Json & { DefaultCacheBehavior: Json };
    });

    it('redirects HTTP to HTTPS, compresses, and has no other cache behaviors', () => {
      expect(config.DefaultCacheBehavior).toMatchObject({
        ViewerProtocolPolicy: 'redirect-to-https',
        Compress: true,
        AllowedMethods: ['GET', 'HEAD'],
      });
      expect(config).not.toHaveProperty('CacheBehaviors');
      expect(config.DefaultRootObject).toBe('index.html');
      expect(config.HttpVersion).toBe('http2and3');
    });

    it('serves deep links with the viewer-request function, not with error responses', () => {
      // Distribution-wide 403/404 → index.html would answer a missing /assets/x.js with 200 HTML.
      expect(config).not.toHaveProperty('CustomErrorResponses');
      const [functionId, fn] = only(resourcesOf(template, 'AWS::CloudFront::Function'), 'fn');
      expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
      ]);
      expect(props(fn).FunctionCode).toBe(readFileSync(SPA_FALLBACK_FUNCTION_FILE, 'utf8'));
      expect(props(fn).FunctionConfig).toMatchObject({ Runtime: 'cloudfront-js-2.0' });
      expect(props(fn).AutoPublish).toBe(true);
    });

    it('attaches the security headers policy and logs to the log bucket', () => {
      const [policyId] = only(
        resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy'),
        'headers policy',
      );
      expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
      expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    });
  });

  describe('security headers', () => {
    let headers: Json;

    beforeAll(() => {
      const policy = only(resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy'), 'p')[1];
      headers = (props(policy).ResponseHeadersPolicyConfig as Json).SecurityHeadersConfig as Json;
    });

    it('sends the shared CSP: only this region’s Lambda, Cognito Identity and user-pool endpoints', () => {
      const domain = {
        'Fn::Join': ['', expect.arrayContaining([{ Ref: 'AWS::AccountId' }])],
      };
      expect(headers.ContentSecurityPolicy).toEqual({
        ContentSecurityPolicy: domain,
        Override: true,
      });
      // Resolve the account token the way CloudFormation will, then compare with the builder.
      const joined = (
        (headers.ContentSecurityPolicy as Json).ContentSecurityPolicy as {
          'Fn::Join': [string, unknown[]];
        }
      )['Fn::Join'][1]
        .map((part) => (typeof part === 'string' ? part : ACCOUNT))
        .join('');
      expect(joined).toBe(
        buildContentSecurityPolicy({
          regions: ['us-east-1'],
          userPoolDomain: `https://lambda-esm-console-${ACCOUNT}.auth.us-east-1.amazoncognito.com`,
        }),
      );
      expect(joined).toContain("frame-ancestors 'none'");
      expect(joined).toContain("script-src 'self';");
    });

    it('sends HSTS for two years, no framing, nosniff and a referrer policy', () => {
      expect(headers.StrictTransportSecurity).toEqual({
        AccessControlMaxAgeSec: 63_072_000,
        IncludeSubdomains: true,
        Override: true,
      });
      expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
      expect(headers.ContentTypeOptions).toEqual({ Override: true });
      expect(headers.ReferrerPolicy).toEqual({
        ReferrerPolicy: 'strict-origin-when-cross-origin',
        Override: true,
      });
    });

    it('matches the static headers vite preview sends', () => {
      expect(STATIC_SECURITY_HEADERS).toEqual({
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': (headers.FrameOptions as Json).FrameOption,
        'Referrer-Policy': (headers.ReferrerPolicy as Json).ReferrerPolicy,
      });
    });
  });

  describe('Cognito', () => {
    it('has an invite-only user pool with MFA, a strong password policy and threat protection', () => {
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        UsernameAttributes: ['email'],
        Policies: {
          PasswordPolicy: {
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
            TemporaryPasswordValidityDays: 3,
          },
        },
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        DeletionProtection: 'ACTIVE',
      });
      template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
        Domain: { 'Fn::Join': ['', ['lambda-esm-console-', { Ref: 'AWS::AccountId' }]] },
        ManagedLoginVersion: 1,
      });
    });

    it('has a public app client: authorization code (PKCE), no secret, openid/email/profile', () => {
      const client = props(
        only(resourcesOf(template, 'AWS::Cognito::UserPoolClient'), 'client')[1],
      );
      expect(client.GenerateSecret).toBe(false);
      expect(client.AllowedOAuthFlows).toEqual(['code']);
      expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
      expect(new Set(client.AllowedOAuthScopes as string[])).toEqual(
        new Set(['openid', 'email', 'profile']),
      );
      expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
      const siteUrl = (path: string) => ({
        'Fn::Join': [
          '',
          [
            'https://',
            { 'Fn::GetAtt': [expect.stringMatching(/^Distribution/), 'DomainName'] },
            path,
          ],
        ],
      });
      // The console's redirect URIs: sign-in to /auth/callback, sign-out to the site root.
      expect(client.CallbackURLs).toEqual([siteUrl('/auth/callback')]);
      expect(client.LogoutURLs).toEqual([siteUrl('/')]);
      expect(client.PreventUserExistenceErrors).toBe('ENABLED');
      expect(client.EnableTokenRevocation).toBe(true);
    });

    it('has an identity pool without guests, trusting only the app client, enhanced flow only', () => {
      const [, pool] = only(resourcesOf(template, 'AWS::Cognito::IdentityPool'), 'pool');
      const [clientId] = only(resourcesOf(template, 'AWS::Cognito::UserPoolClient'), 'client');
      expect(props(pool)).toMatchObject({
        AllowUnauthenticatedIdentities: false,
        AllowClassicFlow: false,
        CognitoIdentityProviders: [
          {
            ClientId: { Ref: clientId },
            ServerSideTokenCheck: true,
            ProviderName: expect.anything(),
          },
        ],
      });
      const attachment = props(
        only(resourcesOf(template, 'AWS::Cognito::IdentityPoolRoleAttachment'), 'attachment')[1],
      );
      expect(Object.keys(attachment.Roles as Json)).toEqual(['authenticated']);
      expect(identityPoolRole(template, 'unauthenticated')).toBeUndefined();
    });
  });

  describe('authenticated role', () => {
    let roleId: string;
    let role: Json;

    beforeAll(() => {
      const found = identityPoolRole(template, 'authenticated');
      if (found === undefined) throw new Error('no authenticated role');
      [roleId, role] = found;
    });

    it('is assumable only by this identity pool’s authenticated identities', () => {
      expect(props(role).AssumeRolePolicyDocument).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: 'IdentityPool' } },
              'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
            },
          },
        ],
      });
      const attachment = props(
        only(resourcesOf(template, 'AWS::Cognito::IdentityPoolRoleAttachment'), 'attachment')[1],
      );
      expect(attachment.Roles).toEqual({ authenticated: { 'Fn::GetAtt': [roleId, 'Arn'] } });
    });

    it('allows exactly the nine Lambda actions the console calls, and nothing else', () => {
      expect(new Set(roleActions(role))).toEqual(new Set(AUTHENTICATED_LAMBDA_ACTIONS));
      expect(roleActions(role)).toHaveLength(AUTHENTICATED_LAMBDA_ACTIONS.length);
      expect(props(role)).not.toHaveProperty('ManagedPolicyArns');
      for (const [id, policy] of resourcesOf(template, 'AWS::IAM::Policy')) {
        expect(JSON.stringify(props(policy).Roles), id).not.toContain(roleId);
      }
    });

    it('scopes each action as tightly as IAM allows', () => {
      const statements = (
        props(role).Policies as { PolicyDocument: { Statement: Statement[] } }[]
      ).flatMap((p) => p.PolicyDocument.Statement);
      const byAction = (action: string) =>
        only(
          statements.filter((s) => asArray(s.Action).includes(action)),
          action,
        );
      for (const action of [
        'lambda:CreateEventSourceMapping',
        'lambda:ListEventSourceMappings',
        'lambda:ListFunctions',
      ]) {
        expect(byAction(action).Resource, action).toBe('*');
        expect(byAction(action).Condition, action).toEqual({
          StringEquals: { 'aws:RequestedRegion': ['us-east-1'] },
        });
      }
      const arn = (type: string) => ({
        'Fn::Join': ['', [`arn:aws:lambda:us-east-1:`, { Ref: 'AWS::AccountId' }, `:${type}:*`]],
      });
      for (const action of [
        'lambda:GetEventSourceMapping',
        'lambda:UpdateEventSourceMapping',
        'lambda:DeleteEventSourceMapping',
        'lambda:TagResource',
        'lambda:UntagResource',
        'lambda:ListTags',
      ]) {
        // Mapping ARNs only: the tag actions would also reach functions on `function:*`.
        expect(byAction(action).Resource, action).toEqual(arn('event-source-mapping'));
      }
      for (const action of [
        'lambda:GetFunctionConfiguration',
        'lambda:ListVersionsByFunction',
        'lambda:ListAliases',
      ]) {
        expect(byAction(action).Resource, action).toEqual(arn('function'));
      }
    });
  });

  it('grants no role Lambda invocation, lambda:* or any other Lambda action', () => {
    const allowed = new Set<string>(AUTHENTICATED_LAMBDA_ACTIONS);
    for (const { owner, statement } of allIamStatements(template)) {
      for (const action of asArray(statement.Action)) {
        expect(action, owner).not.toBe('*');
        expect(action, owner).not.toMatch(/^lambda:.*\*/);
        if (action.startsWith('lambda:'))
          expect(allowed.has(action), `${owner} ${action}`).toBe(true);
      }
    }
  });

  describe('site deployment and config.json', () => {
    function deployment(name: string): Json {
      return props(
        only(
          resourcesOf(template, 'Custom::CDKBucketDeployment').filter(([id]) =>
            id.startsWith(name),
          ),
          name,
        )[1],
      );
    }

    it('uploads hashed assets as immutable, without pruning old ones', () => {
      const assets = deployment('DeployAssets');
      expect(assets).toMatchObject({
        Include: ['assets/*'],
        Exclude: ['*'],
        Prune: false,
        SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      });
      expect(assets).not.toHaveProperty('DistributionId');
    });

    it('deploys index.html with a generated config.json, no-store, then invalidates CloudFront', () => {
      const site = deployment('DeploySite');
      const [distributionId] = only(resourcesOf(template, 'AWS::CloudFront::Distribution'), 'd');
      expect(site).toMatchObject({
        Exclude: ['assets/*'],
        Prune: false,
        SystemMetadata: { 'cache-control': 'no-store' },
        DistributionId: { Ref: distributionId },
        DistributionPaths: ['/*'],
      });
      const [buildKey] = site.SourceObjectKeys as [string, string];
      // The build's own config.json (from public/) is not part of the uploaded build.
      expect(existsSync(join(assetDir(deployed, buildKey), 'index.html'))).toBe(true);
      expect(existsSync(join(assetDir(deployed, buildKey), 'config.json'))).toBe(false);
      // The generated file: markers are replaced at deploy time by the stack's resource ids.
      const { config, markers } = deployedConfig(deployed);
      const userPoolRef = { Ref: expect.stringMatching(/^UserPool[0-9A-F]{8}$/) };
      expect(config).toEqual({
        region: 'us-east-1',
        identityPoolId: { Ref: 'IdentityPool' },
        auth: {
          mode: 'signed-in',
          userPoolId: userPoolRef,
          userPoolClientId: { Ref: expect.stringMatching(/^UserPoolConsoleClient/) },
          authority: expect.stringMatching(
            /^https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/<<marker:0xbaba:\d+>>$/,
          ),
        },
      });
      const authorityMarker = ((config.auth as Json).authority as string).split('/').pop() ?? '';
      expect(markers[authorityMarker]).toEqual(userPoolRef);
    });

    it('generates a config whose preview CSP equals CloudFront’s (one policy for both)', () => {
      const config = {
        region: 'us-east-1',
        identityPoolId: 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
        auth: { authority: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf' },
      };
      const userPoolDomain = `https://lambda-esm-console-${ACCOUNT}.auth.us-east-1.amazoncognito.com`;
      expect(
        buildContentSecurityPolicy({ ...cspOptionsFromRuntimeConfig(config), userPoolDomain }),
      ).toBe(buildContentSecurityPolicy({ regions: deployed.settings.regions, userPoolDomain }));
    });
  });

  it('outputs what the README tells the operator to use', () => {
    const outputs = Object.keys(template.toJSON().Outputs as Json);
    expect(outputs).toEqual(
      expect.arrayContaining([
        'SiteUrl',
        'DistributionId',
        'SiteBucketName',
        'UserPoolId',
        'UserPoolClientId',
        'HostedUiUrl',
        'IdentityPoolId',
        'AuthenticatedRoleArn',
      ]),
    );
    expect(outputs).not.toContain('GuestRoleArn');
  });
});

describe('ConsoleStack with -c allowGuest=true -c regions=us-east-1,eu-west-1', () => {
  let guestDeployment: SynthesizedConsole;
  let template: Template;

  beforeAll(() => {
    guestDeployment = synthConsole({ allowGuest: 'true', regions: 'us-east-1,eu-west-1' });
    template = guestDeployment.template;
  });

  it('turns on guest identities with a read-only guest role', () => {
    template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: false,
    });
    const guest = identityPoolRole(template, 'unauthenticated');
    if (guest === undefined) throw new Error('no guest role');
    const [guestId, guestRole] = guest;
    expect(new Set(roleActions(guestRole))).toEqual(new Set(GUEST_LAMBDA_ACTIONS));
    expect(roleActions(guestRole)).toHaveLength(7);
    for (const write of ['Create', 'Update', 'Delete', 'TagResource', 'UntagResource']) {
      expect(roleActions(guestRole).join()).not.toContain(write);
    }
    const trust = props(guestRole).AssumeRolePolicyDocument as { Statement: Statement[] };
    expect(only(trust.Statement, 'trust').Condition).toEqual({
      StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: 'IdentityPool' } },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
    });
    template.hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      Roles: {
        authenticated: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
        unauthenticated: { 'Fn::GetAtt': [guestId, 'Arn'] },
      },
    });
  });

  it('grants both regions, and allows both regions’ endpoints in the CSP', () => {
    const [, role] = identityPoolRole(template, 'authenticated') ?? [];
    const statements = (
      props(role as Json).Policies as { PolicyDocument: { Statement: Statement[] } }[]
    ).flatMap((p) => p.PolicyDocument.Statement);
    expect(statements.find((s) => s.Resource === '*')?.Condition).toEqual({
      StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] },
    });
    const mappingStatement = statements.find((s) =>
      asArray(s.Action).includes('lambda:GetEventSourceMapping'),
    );
    expect(JSON.stringify(mappingStatement?.Resource)).toContain('lambda:eu-west-1:');
    const csp = JSON.stringify(
      props(only(resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy'), 'p')[1]),
    );
    for (const host of [
      'lambda.eu-west-1.amazonaws.com',
      'cognito-identity.eu-west-1.amazonaws.com',
      'cognito-idp.eu-west-1.amazonaws.com',
    ]) {
      expect(csp).toContain(host);
    }
  });

  it('grants guests nothing beyond the read-only actions, and no one more than the nine', () => {
    for (const { owner, statement } of allIamStatements(template)) {
      for (const action of asArray(statement.Action).filter((a) => a.startsWith('lambda:'))) {
        expect(AUTHENTICATED_LAMBDA_ACTIONS, `${owner} ${action}`).toContain(action);
      }
    }
  });

  it('tells the console about guest mode and the regions in config.json', () => {
    const { config } = deployedConfig(guestDeployment);
    expect(config).toMatchObject({
      region: 'us-east-1',
      regions: ['us-east-1', 'eu-west-1'],
      auth: { mode: 'guest' },
    });
  });
});

describe('ConsoleStack with a custom domain, a web ACL and a known account', () => {
  let template: Template;

  beforeAll(() => {
    template = synthConsole(
      {
        domainName: 'esm.example.com',
        certificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0f6e2b8a`,
        webAclArn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/esm/0f6e2b8a`,
        domainPrefix: 'acme-esm-console',
        callbackUrls: 'http://localhost:5173/',
      },
      ACCOUNT,
    ).template;
  });

  it('serves the domain with TLS 1.2+ and the web ACL', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['esm.example.com'],
        WebACLId: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/esm/0f6e2b8a`,
        ViewerCertificate: Match.objectLike({
          AcmCertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0f6e2b8a`,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        }),
      }),
    });
  });

  it('uses the domain and the extra localhost URL for OAuth callbacks, and the given prefix', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: [
        'https://esm.example.com/auth/callback',
        'http://localhost:5173/auth/callback',
      ],
      LogoutURLs: ['https://esm.example.com/', 'http://localhost:5173/'],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'acme-esm-console' });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: buildContentSecurityPolicy({
              regions: ['us-east-1'],
              userPoolDomain: 'https://acme-esm-console.auth.us-east-1.amazoncognito.com',
            }),
            Override: true,
          },
        }),
      }),
    });
  });
});

describe('ConsoleStack refuses to synthesise a broken deployment', () => {
  it('without a production build', () => {
    const empty = makeSiteDir();
    expect(() => buildConsole({ siteAssetPath: join(empty, 'assets') })).toThrow(
      /No production build at .*index\.html missing.*npm run build/,
    );
  });

  it('with more regions than CloudFront’s CSP length allows', () => {
    const regions = [
      'us-east-1',
      'us-east-2',
      'us-west-1',
      'us-west-2',
      'eu-west-1',
      'eu-west-2',
      'eu-west-3',
      'eu-central-1',
      'eu-central-2',
      'eu-north-1',
      'eu-south-1',
      'eu-south-2',
      'ap-south-1',
      'ap-south-2',
      'ap-southeast-1',
      'ap-southeast-2',
    ];
    expect(() => buildConsole({ regions: regions.join(',') })).toThrow(
      /Content-Security-Policy for 16 regions is \d+ characters; CloudFront accepts 1783/,
    );
  });
});

describe('cdk-nag AWS Solutions checks', () => {
  const configurations: [string, Record<string, string>, string | undefined][] = [
    ['defaults', {}, undefined],
    ['guest, two regions', { allowGuest: 'true', regions: 'us-east-1,eu-west-1' }, undefined],
    [
      'custom domain and web ACL, known account',
      {
        domainName: 'esm.example.com',
        certificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0f6e2b8a`,
        webAclArn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/esm/0f6e2b8a`,
      },
      ACCOUNT,
    ],
  ];

  it.each(configurations)('finds nothing unacknowledged (%s)', (_name, context, account) => {
    const { stack } = buildConsole(context, account);
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack);
    expect(
      report.violations.map(
        (v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      ),
    ).toEqual([]);
  });

  it.each(configurations)(
    'acknowledges only real findings, each with a reason (%s)',
    (_name, context, account) => {
      // Build the stack with acknowledgements recorded but not applied: then every finding
      // cdk-nag reports must be covered by one acknowledgement, and every acknowledgement must
      // cover a finding (no stale or blanket suppressions).
      const acknowledged: { path: string; rule: Acknowledgment }[] = [];
      const spy = vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(function (
        this: Validations,
        ...rules: Acknowledgment[]
      ) {
        const scope = (this as unknown as { scope: IConstruct }).scope;
        for (const rule of rules) acknowledged.push({ path: scope.node.path, rule });
      });
      let stack;
      try {
        ({ stack } = buildConsole(context, account));
      } finally {
        spy.mockRestore();
      }
      const findings = new AwsSolutionsChecks()
        .validateScope(stack)
        .violations.flatMap((v) =>
          v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })),
        );
      const nagAcks = acknowledged.filter((a) => a.rule.id.startsWith('AwsSolutions-'));
      for (const finding of findings) {
        expect(
          nagAcks.some(
            (a) => a.rule.id === finding.rule && `${finding.path}/`.startsWith(`${a.path}/`),
          ),
          `${finding.rule} at ${finding.path} is not acknowledged`,
        ).toBe(true);
      }
      for (const ack of nagAcks) {
        expect(
          findings.some((f) => f.rule === ack.rule.id && `${f.path}/`.startsWith(`${ack.path}/`)),
          `${ack.rule.id} at ${ack.path} acknowledges nothing`,
        ).toBe(true);
        expect(ack.rule.reason.length, ack.rule.id).toBeGreaterThan(60);
      }
      // CDK's own warning about LIST access is acknowledged for a stated reason, and is real.
      const cdkAcks = acknowledged.filter((a) => a.rule.id.startsWith('Annotation::'));
      expect(cdkAcks.map((a) => a.rule.id)).toEqual([
        'Annotation::@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      ]);
      Annotations.fromStack(stack).hasWarning(
        '/TestConsole/Distribution/Origin1',
        Match.stringLikeRegexp('AccessLevel.LIST'),
      );
    },
  );

  it('lists the acknowledged rules of the default deployment', () => {
    const ids: string[] = [];
    const spy = vi
      .spyOn(Validations.prototype, 'acknowledge')
      .mockImplementation((...rules: Acknowledgment[]) => void ids.push(...rules.map((r) => r.id)));
    try {
      buildConsole();
    } finally {
      spy.mockRestore();
    }
    expect(ids.sort()).toEqual(
      [
        'Annotation::@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
        'AwsSolutions-CFR1',
        'AwsSolutions-CFR2',
        'AwsSolutions-CFR4',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'AwsSolutions-IAM5[Action::s3:GetObject*]',
        'AwsSolutions-IAM5[Action::s3:List*]',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::<SiteBucket397A1860.Arn>/*]',
        'AwsSolutions-IAM5[Resource::arn:aws:lambda:us-east-1:<AWS::AccountId>:event-source-mapping:*]',
        'AwsSolutions-IAM5[Resource::arn:aws:lambda:us-east-1:<AWS::AccountId>:function:*]',
        'AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-us-east-1/*]',
        'AwsSolutions-L1',
      ].sort(),
    );
  });
});
