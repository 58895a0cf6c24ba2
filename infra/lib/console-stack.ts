import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ArnFormat,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Token,
  Validations,
} from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { rules as nagRules } from 'cdk-nag';
import type { Construct } from 'constructs';
import {
  buildContentSecurityPolicy,
  CLOUDFRONT_CSP_MAX_LENGTH,
} from './content-security-policy.ts';
import type { ConsoleSettings } from './console-settings.ts';
import { buildRuntimeConfig } from './runtime-config.ts';

/** The CloudFront Function source (viewer request) that serves SPA deep links. */
export const SPA_FALLBACK_FUNCTION_FILE = fileURLToPath(
  new URL('../functions/spa-fallback.js', import.meta.url),
);

/** Path below a site URL that the console's sign-in returns to (`redirect_uri`). */
export const SIGN_IN_CALLBACK_PATH = 'auth/callback';

/**
 * The sign-in callback URL of a console served at `siteUrl`.
 * @param siteUrl the site's base URL, e.g. `https://esm.example.com/` (may hold CDK tokens).
 * @returns e.g. `https://esm.example.com/auth/callback`.
 */
export function signInCallbackUrl(siteUrl: string): string {
  return `${siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`}${SIGN_IN_CALLBACK_PATH}`;
}

/**
 * Lambda actions the console calls when signed in: mapping CRUD and list, the mappings' tags
 * (TagResource, UntagResource, ListTags on event-source-mapping ARNs), plus the function reads
 * (the create form's ListFunctions/GetFunctionConfiguration, and ListVersionsByFunction/
 * ListAliases to tell which qualifiers of a mapping's function still exist). Nothing else (no
 * InvokeFunction, no function writes, no function tags).
 */
export const AUTHENTICATED_LAMBDA_ACTIONS = [
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
] as const;

/** The read-only subset granted to guests when `allowGuest` is on (tags: ListTags only). */
export const GUEST_LAMBDA_ACTIONS = [
  'lambda:GetEventSourceMapping',
  'lambda:ListEventSourceMappings',
  'lambda:ListTags',
  'lambda:ListFunctions',
  'lambda:GetFunctionConfiguration',
  'lambda:ListVersionsByFunction',
  'lambda:ListAliases',
] as const;

/**
 * Lambda actions that support no resource-level permission (Service Authorization Reference,
 * "Actions defined by AWS Lambda": no resource type listed), so they can only be granted on `*`.
 * They are narrowed to the configured regions with `aws:RequestedRegion` instead.
 */
const ACTIONS_WITHOUT_RESOURCE_TYPE = new Set<string>([
  'lambda:CreateEventSourceMapping',
  'lambda:ListEventSourceMappings',
  'lambda:ListFunctions',
]);

/**
 * Function reads whose resource is a function (`…:function:<name>`; Service Authorization
 * Reference: resource type `function*` for GetFunctionConfiguration, ListVersionsByFunction and
 * ListAliases), so they are granted on this account's functions only.
 */
const FUNCTION_ACTIONS = new Set<string>([
  'lambda:GetFunctionConfiguration',
  'lambda:ListVersionsByFunction',
  'lambda:ListAliases',
]);

/**
 * Actions granted on event source mappings (`…:event-source-mapping:<UUID>`). The tag actions
 * also act on functions and code signing configs (Service Authorization Reference: resource
 * types `codeSigningConfig`, `eventSourceMapping`, `function`); the console only tags mappings,
 * so they are granted on mapping ARNs alone.
 */
const MAPPING_ACTIONS = new Set<string>([
  'lambda:GetEventSourceMapping',
  'lambda:UpdateEventSourceMapping',
  'lambda:DeleteEventSourceMapping',
  'lambda:TagResource',
  'lambda:UntagResource',
  'lambda:ListTags',
]);

/** Props of {@link ConsoleStack}. */
export interface ConsoleStackProps extends StackProps {
  /** Context-derived settings (see `readConsoleSettings`). */
  readonly settings: ConsoleSettings;
}

/**
 * Everything a team needs to run the console: private S3 bucket behind CloudFront (OAC), the
 * security headers, the Cognito user pool, app client and identity pool with the least-privilege
 * roles, and the site deployment with a generated `config.json`.
 */
export class ConsoleStack extends Stack {
  /** The site's CloudFront distribution. */
  readonly distribution: cloudfront.Distribution;
  /** The Content-Security-Policy CloudFront sends (may contain the account id token). */
  readonly contentSecurityPolicy: string;

  /**
   * @throws Error when `settings.siteAssetPath` has no index.html (run `npm run build` first),
   *   when `settings.region` differs from the stack's region, or when the CSP would exceed
   *   CloudFront's length limit (too many regions).
   */
  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { settings } = props;
    if (this.region !== settings.region) {
      throw new Error(
        `Stack region ${this.region} differs from settings.region ${settings.region}`,
      );
    }
    if (!existsSync(join(settings.siteAssetPath, 'index.html'))) {
      throw new Error(
        `No production build at ${settings.siteAssetPath} (index.html missing): run \`npm run build\` first, ` +
          'or point -c siteAssetPath=<dir> at a build',
      );
    }

    // ---- Buckets -------------------------------------------------------------------------
    const logsBucket = new s3.Bucket(this, 'LogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes through bucket ACLs, so ACLs must stay enabled here.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const siteBucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logsBucket,
      serverAccessLogsPrefix: 's3-access/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // ---- Cognito: user pool, hosted UI domain ------------------------------------------------
    const domainPrefix = settings.domainPrefix ?? `lambda-esm-console-${this.account}`;
    const userPoolDomainOrigin = `https://${domainPrefix}.auth.${this.region}.amazoncognito.com`;

    // ---- CloudFront ---------------------------------------------------------------------------
    this.contentSecurityPolicy = buildContentSecurityPolicy({
      regions: settings.regions,
      userPoolDomain: userPoolDomainOrigin,
    });
    // An unresolved account id token is longer than 12 digits, so this check errs on the safe side.
    if (this.contentSecurityPolicy.length > CLOUDFRONT_CSP_MAX_LENGTH) {
      throw new Error(
        `The Content-Security-Policy for ${settings.regions.length} regions is ${this.contentSecurityPolicy.length} characters; CloudFront accepts ${CLOUDFRONT_CSP_MAX_LENGTH}. Configure fewer regions.`,
      );
    }
    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'lambda-esm-console: CSP, HSTS, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: this.contentSecurityPolicy,
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    const spaFallback = new cloudfront.Function(this, 'SpaFallbackFunction', {
      comment: 'Serve /index.html for extensionless paths (SPA deep links)',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromFile({ filePath: SPA_FALLBACK_FUNCTION_FILE }),
    });

    const customDomain =
      settings.domainName !== undefined && settings.certificateArn !== undefined
        ? {
            domainNames: [settings.domainName],
            certificate: acm.Certificate.fromCertificateArn(
              this,
              'Certificate',
              settings.certificateArn,
            ),
            // Only a custom certificate can raise the minimum TLS version.
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {};

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'lambda-esm-console',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        // LIST lets S3 answer 404 (not 403) for missing assets; no URI ending in "/" reaches S3
        // (the fallback function rewrites it), so the bucket listing itself is not exposed.
        origin: origins.S3BucketOrigin.withOriginAccessControl(siteBucket, {
          originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          { function: spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logsBucket,
      logFilePrefix: 'cloudfront/',
      ...(settings.webAclArn !== undefined ? { webAclId: settings.webAclArn } : {}),
      ...customDomain,
    });
    const distributionSuppressions: { id: string; reason: string }[] = [
      {
        id: 'Annotation::@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
        reason:
          'defaultRootObject is index.html and the viewer-request function rewrites every URI ending in "/" to /index.html, so no request can list the bucket; LIST only turns missing files into 404 instead of 403.',
      },
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Teams use the console from wherever they work; access is controlled by Cognito sign-in and IAM, not by geography.',
      },
    ];
    if (settings.webAclArn === undefined) {
      distributionSuppressions.push({
        id: 'AwsSolutions-CFR2',
        reason:
          'The site is static files only: every API call goes from the browser to AWS, signed with IAM credentials. A web ACL can be attached with -c webAclArn=<arn> (a CLOUDFRONT-scope ACL in us-east-1).',
      });
    }
    if (settings.domainName === undefined) {
      distributionSuppressions.push({
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate cannot enforce a minimum TLS version (CloudFront fixes it at TLSv1). Use -c domainName=… -c certificateArn=… to get TLSv1.2_2021.',
      });
    }
    Validations.of(this.distribution).acknowledge(...distributionSuppressions);

    const siteOrigin =
      settings.domainName !== undefined
        ? `https://${settings.domainName}`
        : `https://${this.distribution.distributionDomainName}`;
    const siteUrl = `${siteOrigin}/`;

    // ---- Cognito: user pool and app client ----------------------------------------------------
    const userPool = new cognito.UserPool(this, 'UserPool', {
      // Administrators invite users (README: "Create the first user"); nobody signs up alone.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Your Lambda event source mapping console account',
        emailBody: `You have been invited to the Lambda event source mapping console at ${siteUrl}. Sign in with username {username} and temporary password {####}; you will choose a new password and set up an authenticator app.`,
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const userPoolDomain = userPool.addDomain('HostedUiDomain', {
      cognitoDomain: { domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI,
    });

    const userPoolClient = userPool.addClient('ConsoleClient', {
      // A browser app cannot keep a secret: public client, authorization code grant with PKCE.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        // The console's redirect URIs (src/features/auth/user-manager.ts): sign-in returns to
        // `<site>/auth/callback`, sign-out to the site root.
        callbackUrls: [siteUrl, ...settings.extraCallbackUrls].map(signInCallbackUrl),
        logoutUrls: [siteUrl, ...settings.extraCallbackUrls],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });

    // ---- Cognito: identity pool and roles -------------------------------------------------------
    const identityPool = new cognito.CfnIdentityPool(this, 'IdentityPool', {
      allowUnauthenticatedIdentities: settings.allowGuest,
      allowClassicFlow: false,
      cognitoIdentityProviders: [
        {
          clientId: userPoolClient.userPoolClientId,
          providerName: userPool.userPoolProviderName,
          serverSideTokenCheck: true,
        },
      ],
    });

    const authenticatedRole = new iam.Role(this, 'AuthenticatedRole', {
      description: 'lambda-esm-console: signed-in users (event source mapping CRUD)',
      assumedBy: this.identityPoolPrincipal(identityPool, 'authenticated'),
      inlinePolicies: {
        LambdaEventSourceMappings: this.lambdaPolicy(
          settings.regions,
          AUTHENTICATED_LAMBDA_ACTIONS,
        ),
      },
    });
    this.suppressLambdaWildcards(authenticatedRole, settings.regions);

    let guestRole: iam.Role | undefined;
    if (settings.allowGuest) {
      guestRole = new iam.Role(this, 'GuestRole', {
        description: 'lambda-esm-console: guests without sign-in (read-only)',
        assumedBy: this.identityPoolPrincipal(identityPool, 'unauthenticated'),
        inlinePolicies: {
          LambdaEventSourceMappingsReadOnly: this.lambdaPolicy(
            settings.regions,
            GUEST_LAMBDA_ACTIONS,
          ),
        },
      });
      this.suppressLambdaWildcards(guestRole, settings.regions);
      Validations.of(identityPool).acknowledge({
        id: 'AwsSolutions-COG7',
        reason:
          'Guest access was turned on explicitly (-c allowGuest=true); guests get a read-only role limited to listing and reading mappings and function configurations.',
      });
    }

    new cognito.CfnIdentityPoolRoleAttachment(this, 'IdentityPoolRoles', {
      identityPoolId: identityPool.ref,
      roles: {
        authenticated: authenticatedRole.roleArn,
        ...(guestRole !== undefined ? { unauthenticated: guestRole.roleArn } : {}),
      },
    });

    // ---- Site deployment ----------------------------------------------------------------------------
    // The build's own config.json (copied from public/) is left out: the deployed one is generated.
    const site = s3deploy.Source.asset(settings.siteAssetPath, { exclude: ['config.json'] });
    const deployAssets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [site],
      destinationBucket: siteBucket,
      // Vite's content-hashed files: cache forever. Old ones are kept (no prune) so a browser still
      // running the previous index.html can load its chunks during and after a deployment.
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });
    const runtimeConfig = buildRuntimeConfig({
      region: this.region,
      regions: settings.regions,
      identityPoolId: identityPool.ref,
      userPoolId: userPool.userPoolId,
      userPoolClientId: userPoolClient.userPoolClientId,
      allowGuest: settings.allowGuest,
    });
    const deploySite = new s3deploy.BucketDeployment(this, 'DeploySite', {
      sources: [site, s3deploy.Source.jsonData('config.json', runtimeConfig)],
      destinationBucket: siteBucket,
      // index.html, config.json and other unhashed files: never stored (no-store), so neither
      // the HTTP cache nor the back/forward cache keeps a signed-in page after sign-out
      // (vite preview sends the same: infra/lib/preview-security-headers.ts previewCacheControl).
      exclude: ['assets/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.noStore()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    deploySite.node.addDependency(deployAssets);
    this.acknowledgeBucketDeploymentFindings();

    // ---- Outputs ------------------------------------------------------------------------------------
    new CfnOutput(this, 'SiteUrl', { value: siteUrl, description: 'Open the console here' });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
    new CfnOutput(this, 'SiteBucketName', { value: siteBucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: userPoolClient.userPoolClientId });
    new CfnOutput(this, 'HostedUiUrl', { value: userPoolDomain.baseUrl() });
    new CfnOutput(this, 'IdentityPoolId', { value: identityPool.ref });
    new CfnOutput(this, 'AuthenticatedRoleArn', { value: authenticatedRole.roleArn });
    if (guestRole !== undefined) new CfnOutput(this, 'GuestRoleArn', { value: guestRole.roleArn });
  }

  /**
   * Trust policy of an identity-pool role (Cognito developer guide, "Role trust and
   * permissions"): only web identities issued by this identity pool (`aud`) for the given kind
   * of identity (`amr`).
   */
  private identityPoolPrincipal(
    identityPool: cognito.CfnIdentityPool,
    amr: 'authenticated' | 'unauthenticated',
  ): iam.FederatedPrincipal {
    return new iam.FederatedPrincipal(
      'cognito-identity.amazonaws.com',
      {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPool.ref },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
      },
      'sts:AssumeRoleWithWebIdentity',
    );
  }

  /**
   * The Lambda permissions of a console role, scoped as tightly as each action allows:
   * - mapping reads/updates/deletes and tag actions on
   *   `arn:…:lambda:<region>:<account>:event-source-mapping:*` of the configured regions (the
   *   UUID is only known at run time);
   * - GetFunctionConfiguration, ListVersionsByFunction and ListAliases on the account's functions
   *   in those regions;
   * - actions without a resource type on `*`, limited to those regions by `aws:RequestedRegion`.
   */
  private lambdaPolicy(regions: readonly string[], actions: readonly string[]): iam.PolicyDocument {
    const arns = (resource: string) =>
      regions.map((region) =>
        this.formatArn({
          service: 'lambda',
          region,
          resource,
          resourceName: '*',
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      );
    const statements: iam.PolicyStatement[] = [];
    const unscoped = actions.filter((a) => ACTIONS_WITHOUT_RESOURCE_TYPE.has(a));
    if (unscoped.length > 0) {
      statements.push(
        new iam.PolicyStatement({
          sid: 'ActionsWithoutResourceType',
          actions: unscoped,
          resources: ['*'],
          conditions: { StringEquals: { 'aws:RequestedRegion': [...regions] } },
        }),
      );
    }
    const mappingActions = actions.filter((a) => MAPPING_ACTIONS.has(a));
    if (mappingActions.length > 0) {
      statements.push(
        new iam.PolicyStatement({
          sid: 'EventSourceMappings',
          actions: mappingActions,
          resources: arns('event-source-mapping'),
        }),
      );
    }
    const functionActions = actions.filter((a) => FUNCTION_ACTIONS.has(a));
    if (functionActions.length > 0) {
      statements.push(
        new iam.PolicyStatement({
          sid: 'FunctionReads',
          actions: functionActions,
          resources: arns('function'),
        }),
      );
    }
    return new iam.PolicyDocument({ statements });
  }

  /**
   * Acknowledges the IAM5 (wildcard) findings of a console role, one per wildcard resource
   * (cdk-nag 3 acknowledges each finding separately).
   */
  private suppressLambdaWildcards(role: iam.Role, regions: readonly string[]): void {
    const reason =
      'CreateEventSourceMapping, ListEventSourceMappings and ListFunctions have no resource type in IAM, so they can only be granted on "*" (narrowed by aws:RequestedRegion). Mapping UUIDs and function names are chosen at run time, so Get/Update/DeleteEventSourceMapping, the mapping tag actions (TagResource, UntagResource, ListTags) and the function reads (GetFunctionConfiguration, ListVersionsByFunction, ListAliases) are granted on event-source-mapping:* and function:* of this account in the configured regions only.';
    // cdk-nag prints unresolved pseudo parameters as <AWS::Partition> / <AWS::AccountId>.
    const partition = Token.isUnresolved(this.partition) ? '<AWS::Partition>' : this.partition;
    const account = Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account;
    const resources = [
      '*',
      ...regions.flatMap((region) =>
        ['event-source-mapping', 'function'].map(
          (type) => `arn:${partition}:lambda:${region}:${account}:${type}:*`,
        ),
      ),
    ];
    Validations.of(role).acknowledge(
      ...resources.map((resource) => ({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason })),
    );
  }

  /**
   * Acknowledges the findings on the Lambda function that aws-cdk-lib adds (once per stack) to
   * run BucketDeployment: its runtime, role and policy are chosen by aws-cdk-lib. Its IAM5
   * findings are computed with cdk-nag's own rule, so exactly the wildcards present today are
   * acknowledged (infra/test/console-stack.test.ts lists them, so a change shows up there).
   */
  private acknowledgeBucketDeploymentFindings(): void {
    const handlers = this.node.children.filter((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    for (const handler of handlers) {
      Validations.of(handler).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason:
            'CDK-managed BucketDeployment handler: AWSLambdaBasicExecutionRole only lets it write its own CloudWatch logs.',
        },
        {
          id: 'AwsSolutions-L1',
          reason:
            'CDK-managed BucketDeployment handler: its runtime is chosen and kept current by aws-cdk-lib, not by this app.',
        },
      );
      for (const policy of handler.node.findAll()) {
        if (!(policy instanceof iam.CfnPolicy)) continue;
        const findings = nagRules.iam.IAMNoWildcardPermissions(policy);
        if (!Array.isArray(findings)) continue;
        Validations.of(policy).acknowledge(
          ...findings.map((finding) => ({
            id: `AwsSolutions-IAM5[${finding}]`,
            reason:
              'CDK-managed BucketDeployment handler: it reads every object of the CDK asset (s3:GetObject*, GetBucket*, List* on the assets bucket), writes and deletes objects of the site bucket only (Abort*, DeleteObject* on <site bucket>/*), and CloudFront has no resource-level permission it uses for invalidations (CreateInvalidation/GetInvalidation on *).',
          })),
        );
      }
    }
  }
}
