export * from './events.ts'
export * from './users.ts'
export * from './api-tokens.ts'
export * from './audit-log.ts'
