export { default } from '@cognito-triggers/eslint-config';
