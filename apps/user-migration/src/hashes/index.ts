export { parsePasswordHash, type HashProblem, type HashScheme, type ParsedHash } from './parse-hash';
export { verifyDecoy, verifyPassword } from './verify-hash';
export { HASH_LIMITS } from './limits';
