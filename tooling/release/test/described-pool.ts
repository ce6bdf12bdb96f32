import type { LambdaConfigType, SchemaAttributeType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';

/** Every field present, recursively: the SDK adding a field makes the fixture below a type error. */
type Complete<T> = T extends Date | string | number | boolean
  ? T
  : T extends readonly (infer U)[]
    ? Complete<U>[]
    : T extends object
      ? { [K in keyof T]-?: Complete<Exclude<T[K], undefined>> }
      : T;

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-1';
export const USER_POOL_ID = 'eu-west-1_AbC123xyz';
export const USER_POOL_ARN = `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${USER_POOL_ID}`;
export const KMS_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d`;

/** The ARN of one of our aliases, as GetAlias reports it. */
export const aliasArn = (functionName: string, alias = 'live') =>
  `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}:${alias}`;

/** Triggers somebody else runs in the pool: attach and detach must leave every one of them alone. */
export const OTHER_TRIGGERS: LambdaConfigType = {
  PreAuthentication: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:legacy-audit:prod`,
  PostAuthentication: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:legacy-audit:prod`,
  DefineAuthChallenge: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:passwordless-define`,
  CreateAuthChallenge: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:passwordless-create`,
  VerifyAuthChallengeResponse: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:passwordless-verify`,
  UserMigration: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:legacy-migration:3`,
  CustomSMSSender: { LambdaVersion: 'V1_0', LambdaArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:sms-sender:live` },
  KMSKeyID: KMS_KEY_ARN,
  InboundFederation: {
    LambdaVersion: 'V1_0',
    LambdaArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:federation-mapper`,
  },
};

const SCHEMA: SchemaAttributeType[] = [
  {
    Name: 'sub',
    AttributeDataType: 'String',
    DeveloperOnlyAttribute: false,
    Mutable: false,
    Required: true,
    StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' },
  },
  {
    Name: 'email',
    AttributeDataType: 'String',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: true,
    StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' },
  },
  {
    Name: 'email_verified',
    AttributeDataType: 'Boolean',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
  },
  {
    Name: 'custom:tenant_id',
    AttributeDataType: 'String',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    StringAttributeConstraints: { MinLength: '1', MaxLength: '64' },
  },
  {
    Name: 'custom:seats',
    AttributeDataType: 'Number',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    NumberAttributeConstraints: { MinValue: '0', MaxValue: '100000' },
  },
];

/**
 * A DescribeUserPool answer with every field of the API reference's response syntax populated,
 * shaped like a production pool: a Plus-tier pool with SES e-mail, SNS and End User Messaging
 * SMS, MFA, device tracking, threat protection, a domain, custom attributes, tags, and triggers of
 * other teams. Dates as the SDK parses them.
 */
export const DESCRIBED_POOL: Complete<Omit<UserPoolType, 'LambdaConfig' | 'SchemaAttributes'>> & {
  LambdaConfig: LambdaConfigType;
  SchemaAttributes: SchemaAttributeType[];
} = {
  Id: USER_POOL_ID,
  Name: 'acme-users',
  Policies: {
    PasswordPolicy: {
      MinimumLength: 12,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: false,
      PasswordHistorySize: 5,
      TemporaryPasswordValidityDays: 3,
    },
    SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] },
  },
  DeletionProtection: 'ACTIVE',
  LambdaConfig: OTHER_TRIGGERS,
  Status: 'Enabled',
  LastModifiedDate: new Date('2025-03-14T09:26:53.589Z'),
  CreationDate: new Date('2023-06-01T12:00:00.000Z'),
  SchemaAttributes: SCHEMA,
  AutoVerifiedAttributes: ['email'],
  // A real pool has alias attributes or username attributes, not both; both are read-only here.
  AliasAttributes: ['preferred_username'],
  UsernameAttributes: ['email'],
  SmsVerificationMessage: 'Your Acme verification code is {####}',
  EmailVerificationMessage: 'Your Acme verification code is {####}',
  EmailVerificationSubject: 'Your Acme verification code',
  VerificationMessageTemplate: {
    SmsMessage: 'Your Acme verification code is {####}',
    EmailMessage: 'Your Acme verification code is {####}',
    EmailSubject: 'Your Acme verification code',
    EmailMessageByLink: 'Please click the link below to verify your e-mail address. {##Verify Email##}',
    EmailSubjectByLink: 'Your Acme verification link',
    DefaultEmailOption: 'CONFIRM_WITH_CODE',
  },
  SmsAuthenticationMessage: 'Your Acme sign-in code is {####}',
  UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
  MfaConfiguration: 'OPTIONAL',
  DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
  EstimatedNumberOfUsers: 48213,
  EmailConfiguration: {
    SourceArn: `arn:aws:ses:${REGION}:${ACCOUNT}:identity/acme.example`,
    ReplyToEmailAddress: 'support@acme.example',
    EmailSendingAccount: 'DEVELOPER',
    From: 'Acme <no-reply@acme.example>',
    ConfigurationSet: 'cognito-transactional',
  },
  SmsConfiguration: {
    SnsCallerArn: `arn:aws:iam::${ACCOUNT}:role/service-role/acme-cognito-sms`,
    ExternalId: '6c7f2e3a-8a8e-4d4f-9a51-1f0c5b2d9e77',
    SnsRegion: REGION,
    EumsSms: {
      CallerArn: `arn:aws:iam::${ACCOUNT}:role/service-role/acme-cognito-eums`,
      ExternalId: 'b0e4f1d2-3c5a-4e6b-8f7d-9a0b1c2d3e4f',
      OriginationIdentity: `arn:aws:sms-voice:${REGION}:${ACCOUNT}:phone-number/phone-0123456789abcdef`,
      ConfigurationSetName: 'cognito-sms',
      InEntityId: '1201159173456789012',
      InTemplateId: '1207161234567890123',
      Region: REGION,
    },
  },
  UserPoolTags: { team: 'identity', 'cost-center': '4711', environment: 'production' },
  SmsConfigurationFailure: 'SNS configuration error: the account is in the SMS sandbox',
  EmailConfigurationFailure: 'Amazon SES sending is paused for the configuration set',
  Domain: 'acme-auth',
  CustomDomain: 'auth.acme.example',
  AdminCreateUserConfig: {
    AllowAdminCreateUserOnly: false,
    // Cognito still reports the deprecated setting, equal to TemporaryPasswordValidityDays.
    UnusedAccountValidityDays: 3,
    InviteMessageTemplate: {
      SMSMessage: 'Your Acme username is {username} and temporary password is {####}.',
      EmailMessage: 'Welcome to Acme. Your username is {username} and temporary password is {####}.',
      EmailSubject: 'Your Acme account',
    },
  },
  UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT', AdvancedSecurityAdditionalFlows: { CustomAuthMode: 'AUDIT' } },
  DcrConfiguration: {
    EnableStatus: 'Disabled',
    OpenDcrEnabled: false,
    AuthenticatedGrantTypes: ['code'],
    OpenDcrGrantTypes: ['code'],
    AllowedScopes: ['openid', 'email'],
  },
  UsernameConfiguration: { CaseSensitive: false },
  Arn: USER_POOL_ARN,
  AccountRecoverySetting: {
    RecoveryMechanisms: [
      { Priority: 1, Name: 'verified_email' },
      { Priority: 2, Name: 'verified_phone_number' },
    ],
  },
  UserPoolTier: 'PLUS',
  KeyConfiguration: { KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: KMS_KEY_ARN },
  IssuerConfiguration: { Type: 'ORIGINAL' },
  AcrConfiguration: {
    Level1: { AcrValue: 'urn:acme:acr:password' },
    Level2: { AcrValue: 'urn:acme:acr:mfa' },
  },
};
