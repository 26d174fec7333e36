export * from './auth';
export * from './bookings';
export * from './checkins';
export * from './common';
export * from './credits';
export * from './holds';
export * from './outlook';
export * from './sessions';
export * from './studio';
export * from './templates';
export * from './users';

/** Every API route but health and docs lives under this prefix. */
export const API_BASE_PATH = '/api/v1';
