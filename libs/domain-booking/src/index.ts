export * from './bookability';
export * from './booking';
export * from './booking-events';
export * from './booking-status';
export * from './cancellation-policy';
export * from './errors';
