/**
 * For writing a trigger family (or a tool that checks events the same way): the `defineFamily`
 * combinator, its field vocabulary, and the checkers that name the failing path. Apps need none
 * of this; they import the families from the main entry.
 *
 * @example
 * import { defineFamily, read, reply } from '@cognito-triggers/trigger-core/authoring';
 */
export { defineFamily, type FamilyDefinition, type RequestFields, type ResponseFields } from './define-family';
export { isSource, read, reply, type FieldContext, type FieldReader, type ResponseField } from './fields';
export { eventShape, responseShape, type ShapeChecker } from './checker';
