import type { Routes } from '@angular/router';
import { DoorPassPage } from './door-pass-page';
import { DoorPassStore } from './door-pass.store';
import { MyBookingsPage } from './my-bookings-page';
import { MyBookingsStore } from './my-bookings.store';

/**
 * My Bookings, one URL per tab so a tab can be linked and Back works, and a booking's QR code for the door (signed
 * in: guarded in app.routes.ts).
 */
export const bookingsRoutes: Routes = [
  {
    path: '',
    providers: [MyBookingsStore],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'upcoming' },
      { path: 'upcoming', title: 'My bookings', component: MyBookingsPage, data: { scope: 'upcoming' } },
      { path: 'past', title: 'Past bookings', component: MyBookingsPage, data: { scope: 'past' } },
      { path: 'cancelled', title: 'Cancelled bookings', component: MyBookingsPage, data: { scope: 'cancelled' } },
      { path: ':bookingId/door', title: 'Show at the door', providers: [DoorPassStore], component: DoorPassPage },
    ],
  },
];
