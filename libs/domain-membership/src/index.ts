export * from './email';
export * from './errors';
export * from './password';
export * from './refresh-token';
export * from './role';
export * from './user';
export * from './user-events';
export * from './user-name';
