export * from './clock';
export * from './domain-error';
export * from './domain-event';
export * from './entity';
export * from './value-object';
