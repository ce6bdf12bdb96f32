export { createLegacyUsersTable } from './create-table';
export { importLegacyUsers, type ImportOptions, type ImportReport } from './import-users';
export { duplicateTracker, MAX_LINE_LENGTH, parseExportLine, type RejectedRow } from './parse-export';
export { LEGACY_TABLE } from '../stores/dynamodb-item';
