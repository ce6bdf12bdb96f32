import { eventShape, responseShape } from '../../authoring/checker';
import { defineFamily } from '../../authoring/define-family';
import { isSource, read, type FieldContext, type ResponseField } from '../../authoring/fields';
import { readGroupOverride, readV1Details, readV2Details } from './claims';
import {
  PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE,
  PRE_TOKEN_GENERATION_SOURCES,
  PRE_TOKEN_GENERATION_VERSIONS,
  type PreTokenGenerationEvent,
} from './types';

// Reserved claims pass when reading what Cognito sent: that is not the handler's doing.
const claimsOverrideDetails: ResponseField = {
  read: (value, path) => readV1Details(eventShape, value, path, false),
  check: (value, path) => void readV1Details(responseShape, value, path, true),
};

const claimsAndScopeOverrideDetails: ResponseField = {
  read: (value, path) => readV2Details(eventShape, value, path, false),
  check: (value, path) => void readV2Details(responseShape, value, path, true),
};

/**
 * The response of the other event version: never read, and refused in a result. Cognito reads
 * only the shape of the event's own version and ignores the other, which would silently drop
 * every change.
 */
function otherVersionsResponse(problem: (context: FieldContext) => string): ResponseField {
  return {
    read: () => undefined,
    check: (value, path, context) => {
      if (value !== undefined && value !== null) responseShape.fail(path, problem(context));
    },
  };
}

const VERSION_1_RESPONSE = {
  claimsAndScopeOverrideDetails: otherVersionsResponse(
    () => 'is the version 2 and 3 response; a version 1 event takes response.claimsOverrideDetails',
  ),
  claimsOverrideDetails,
};

const VERSION_2_RESPONSE = {
  claimsOverrideDetails: otherVersionsResponse(
    ({ version }) =>
      `is the version 1 response; a version ${version} event takes response.claimsAndScopeOverrideDetails`,
  ),
  claimsAndScopeOverrideDetails,
};

const isClientCredentials = isSource(PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE);

/**
 * The PreTokenGeneration family, all three event versions: fires before Cognito issues tokens, so
 * the handler can add, override and suppress claims, scopes and groups. Fails closed: tokens
 * without the claims an API authorises on must not be issued.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 * @example
 * export const handler = defineTrigger(preTokenGeneration, { service: 'pre-token-generation' }, async (event) => {
 *   if (isPreTokenGenerationV2OrLater(event)) {
 *     event.response.claimsAndScopeOverrideDetails = { accessTokenGeneration: { claimsToAddOrOverride: { tier: 'gold' } } };
 *   }
 *   return event;
 * });
 */
export const preTokenGeneration = defineFamily<PreTokenGenerationEvent>({
  name: 'PreTokenGeneration',
  sources: PRE_TOKEN_GENERATION_SOURCES,
  slot: 'PreTokenGeneration',
  versions: PRE_TOKEN_GENERATION_VERSIONS,
  failurePolicy: 'reject',
  deployment: { deployable: true },
  version(sent, triggerSource) {
    // cognito-local sends "0" for its (version 1 shaped) events; Cognito itself sends "1", "2" or "3".
    const version = sent === '0' ? '1' : eventShape.oneOf(sent, PRE_TOKEN_GENERATION_VERSIONS, 'version');
    // Versions 1 and 2 have no machine-to-machine events.
    if (version !== '3' && triggerSource === PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE) {
      eventShape.fail('version', `must be 3 for ${PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE}, not ${version}`);
    }
    return version;
  },
  request: {
    // A client-credentials grant has no user, so Cognito may leave attributes and groups out.
    userAttributes: read.when(
      isClientCredentials,
      read.optional(read.attributes, () => ({})),
      read.attributes,
    ),
    groupConfiguration: (value, path) => readGroupOverride(eventShape, value, path),
    clientMetadata: read.optional(read.attributes),
    // Only versions 2 and 3 name the access token's scopes.
    scopes: read.when(({ version }) => version !== '1', read.optional(read.strings)),
  },
  response: ({ version }) => (version === '1' ? VERSION_1_RESPONSE : VERSION_2_RESPONSE),
});
