export * from './booking-view';
export * from './commands/cancel-booking/cancel-booking.handler';
export * from './commands/create-booking/create-booking.handler';
export * from './errors';
export * from './ports';
export * from './queries/get-booking/get-booking.handler';
export * from './queries/list-my-bookings/list-my-bookings.handler';
export * from './subscribers/cancel-bookings-of-cancelled-session/cancel-bookings-of-cancelled-session.subscriber';
