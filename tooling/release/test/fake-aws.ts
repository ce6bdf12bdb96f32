import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  InvalidParameterException,
  ResourceNotFoundException as CognitoNotFound,
  UpdateUserPoolCommand,
  type UpdateUserPoolRequest,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AddPermissionCommand,
  GetAliasCommand,
  GetPolicyCommand,
  LambdaClient,
  RemovePermissionCommand,
  ResourceConflictException,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { ACCOUNT, REGION, aliasArn } from './described-pool';

/** Settings UpdateUserPool sets from its input, resetting each one it is not given (the API reference's warning). */
const RESET_WHEN_OMITTED = [
  'Policies',
  'DeletionProtection',
  'LambdaConfig',
  'AutoVerifiedAttributes',
  'SmsVerificationMessage',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
  'VerificationMessageTemplate',
  'SmsAuthenticationMessage',
  'UserAttributeUpdateSettings',
  'MfaConfiguration',
  'DeviceConfiguration',
  'EmailConfiguration',
  'SmsConfiguration',
  'UserPoolTags',
  'AdminCreateUserConfig',
  'UserPoolAddOns',
  'AccountRecoverySetting',
  'KeyConfiguration',
  'IssuerConfiguration',
  'AcrConfiguration',
] as const;

/** Settings the API reference says UpdateUserPool keeps when they are omitted. */
const KEPT_WHEN_OMITTED = ['DcrConfiguration', 'UserPoolTier'] as const;

const invalid = (message: string) => new InvalidParameterException({ message, $metadata: {} });

/**
 * A user pool that answers DescribeUserPool and UpdateUserPool the way Cognito's API reference
 * says: an update resets every setting it is not given (except DcrConfiguration and the tier),
 * renames with PoolName, refuses the deprecated UnusedAccountValidityDays next to a password
 * policy and a PreTokenGenerationConfig naming another function than PreTokenGeneration.
 */
export class FakeUserPool {
  state: UserPoolType;
  readonly updates: UpdateUserPoolRequest[] = [];

  constructor(initial: UserPoolType) {
    this.state = structuredClone(initial);
  }

  describe(userPoolId: string | undefined): { UserPool: UserPoolType } {
    if (userPoolId !== this.state.Id)
      throw new CognitoNotFound({ message: 'User pool does not exist.', $metadata: {} });
    return { UserPool: structuredClone(this.state) };
  }

  update(input: UpdateUserPoolRequest): Record<string, never> {
    this.describe(input.UserPoolId);
    this.updates.push(structuredClone(input));
    if (input.AdminCreateUserConfig?.UnusedAccountValidityDays !== undefined && input.Policies?.PasswordPolicy) {
      throw invalid('Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays');
    }
    const tokens = input.LambdaConfig;
    if (tokens?.PreTokenGeneration && tokens.PreTokenGenerationConfig) {
      if (tokens.PreTokenGeneration !== tokens.PreTokenGenerationConfig.LambdaArn) {
        throw invalid('PreTokenGeneration and PreTokenGenerationConfig.LambdaArn must be the same');
      }
    }
    const next: Record<string, unknown> = { ...this.state };
    const given: Record<string, unknown> = structuredClone({ ...input });
    for (const field of RESET_WHEN_OMITTED) next[field] = given[field];
    for (const field of KEPT_WHEN_OMITTED) if (given[field] !== undefined) next[field] = given[field];
    if (input.PoolName !== undefined) next.Name = input.PoolName;
    const pool = next as UserPoolType;
    // Cognito keeps reporting the deprecated setting, mirrored from the password policy.
    const days = pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays;
    if (pool.AdminCreateUserConfig && days !== undefined) pool.AdminCreateUserConfig.UnusedAccountValidityDays = days;
    pool.LastModifiedDate = new Date((this.state.LastModifiedDate?.getTime() ?? 0) + 1000);
    this.state = pool;
    return {};
  }
}

/** One statement of a Lambda resource policy, as GetPolicy returns it. */
interface Statement {
  Sid: string;
  Effect: 'Allow';
  Principal: { Service: string };
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

/**
 * Lambda's alias and resource-policy calls over an in-memory policy per function and alias:
 * AddPermission refuses a statement id in use, RemovePermission and GetPolicy one that is not.
 */
export class FakeLambdaPolicies {
  readonly policies = new Map<string, Statement[]>();

  statements(functionName: string, alias = 'live'): Statement[] {
    return this.policies.get(`${functionName}:${alias}`) ?? [];
  }

  add(input: {
    FunctionName?: string;
    Qualifier?: string;
    StatementId?: string;
    Action?: string;
    Principal?: string;
    SourceArn?: string;
    SourceAccount?: string;
  }): { Statement: string } {
    const key = `${input.FunctionName}:${input.Qualifier}`;
    const statements = this.policies.get(key) ?? [];
    if (statements.some((statement) => statement.Sid === input.StatementId)) {
      throw new ResourceConflictException({ message: 'The statement id provided already exists.', $metadata: {} });
    }
    const condition: Statement['Condition'] = {};
    if (input.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': input.SourceAccount };
    if (input.SourceArn) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn };
    const statement: Statement = {
      Sid: input.StatementId ?? '',
      Effect: 'Allow',
      Principal: { Service: input.Principal ?? '' },
      Action: input.Action ?? '',
      Resource: aliasArn(input.FunctionName ?? '', input.Qualifier),
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
    this.policies.set(key, [...statements, statement]);
    return { Statement: JSON.stringify(statement) };
  }

  get(input: { FunctionName?: string; Qualifier?: string }): { Policy: string } {
    const statements = this.policies.get(`${input.FunctionName}:${input.Qualifier}`) ?? [];
    if (statements.length === 0) {
      throw new ResourceNotFoundException({ message: 'The resource you requested does not exist.', $metadata: {} });
    }
    return { Policy: JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements }) };
  }

  remove(input: { FunctionName?: string; Qualifier?: string; StatementId?: string }): Record<string, never> {
    const key = `${input.FunctionName}:${input.Qualifier}`;
    const statements = this.policies.get(key) ?? [];
    if (!statements.some((statement) => statement.Sid === input.StatementId)) {
      throw new ResourceNotFoundException({ message: 'The statement does not exist.', $metadata: {} });
    }
    this.policies.set(
      key,
      statements.filter((statement) => statement.Sid !== input.StatementId),
    );
    return {};
  }
}

/**
 * aws-sdk-client-mock on both clients, answering from a {@link FakeUserPool} and
 * {@link FakeLambdaPolicies}; every function has a `live` alias in the fixture's account.
 * `journal` lists the calls to both services in the order they were made.
 */
export function mockAws(pool: FakeUserPool, policies = new FakeLambdaPolicies()) {
  const cognito = mockClient(CognitoIdentityProviderClient);
  const lambda = mockClient(LambdaClient);
  const journal: string[] = [];
  const logged =
    <I, O>(name: string, answer: (input: I) => O) =>
    (input: I): O => {
      journal.push(name);
      return answer(input);
    };
  cognito
    .on(DescribeUserPoolCommand)
    .callsFake(logged('DescribeUserPool', (input: { UserPoolId?: string }) => pool.describe(input.UserPoolId)));
  cognito
    .on(UpdateUserPoolCommand)
    .callsFake(logged('UpdateUserPool', (input: UpdateUserPoolRequest) => pool.update(input)));
  lambda.on(GetAliasCommand).callsFake(
    logged('GetAlias', (input: { FunctionName?: string; Name?: string }) => ({
      Name: input.Name,
      FunctionVersion: '4',
      AliasArn: aliasArn(input.FunctionName ?? '', input.Name),
    })),
  );
  lambda
    .on(GetPolicyCommand)
    .callsFake(logged('GetPolicy', (input: Parameters<FakeLambdaPolicies['get']>[0]) => policies.get(input)));
  lambda
    .on(AddPermissionCommand)
    .callsFake(logged('AddPermission', (input: Parameters<FakeLambdaPolicies['add']>[0]) => policies.add(input)));
  lambda
    .on(RemovePermissionCommand)
    .callsFake(
      logged('RemovePermission', (input: Parameters<FakeLambdaPolicies['remove']>[0]) => policies.remove(input)),
    );
  /** The journal's calls that change something. */
  const changes = () =>
    journal.filter((name) => ['UpdateUserPool', 'AddPermission', 'RemovePermission'].includes(name));
  return { cognito, lambda, pool, policies, journal, changes, region: REGION, account: ACCOUNT };
}
