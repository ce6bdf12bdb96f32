import { customMessage, defineTrigger } from '@cognito-triggers/trigger-core';
import { readConfig } from './config';
import { writeMessage } from './write-message';

/**
 * The CustomMessage Lambda handler: branded, localised texts for every verification, invitation,
 * reset and MFA message. It never blocks the user: whatever goes wrong, the event is returned
 * unchanged and Cognito sends its default message, which still carries the code.
 *
 * @example
 * // Lambda: runtime nodejs24.x, handler index.handler, environment APP_NAME=Acme APP_URL=https://app.acme.example
 */
export const handler = defineTrigger(customMessage, { service: 'custom-message', config: readConfig }, (event, tools) =>
  // Rendering is synchronous and needs no I/O: nothing here waits on the deadline.
  Promise.resolve(writeMessage(event, tools)),
);
