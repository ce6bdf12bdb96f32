export * from './ports';
export * from './processes';
export * from './ses-emulator';
export * from './ses-fault-proxy';
