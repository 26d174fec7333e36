import type { Route } from '@angular/router';
import { roleGuard, signedInGuard } from './core/auth/guards';
import { scheduleRoutes } from './features/schedule/schedule.routes';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'schedule' },
  // The home page comes with the app: its code arrives in the app's request, not in a round trip after it.
  { path: 'schedule', children: scheduleRoutes },
  {
    path: 'sessions',
    loadChildren: () => import('./features/schedule/session-detail/session-detail.routes').then((m) => m.sessionRoutes),
  },
  { path: '', loadChildren: () => import('./features/auth/auth.routes').then((m) => m.authRoutes) },
  {
    path: 'bookings',
    canActivate: [signedInGuard],
    loadChildren: () => import('./features/bookings/bookings.routes').then((m) => m.bookingsRoutes),
  },
  {
    path: 'credits',
    canActivate: [signedInGuard],
    loadChildren: () => import('./features/credits/credits.routes').then((m) => m.creditsRoutes),
  },
  {
    path: 'trainer',
    canActivate: [signedInGuard, roleGuard('trainer', 'admin')],
    loadChildren: () => import('./features/trainer/trainer.routes').then((m) => m.trainerRoutes),
  },
  {
    path: 'admin',
    canActivate: [signedInGuard, roleGuard('admin')],
    loadChildren: () => import('./features/admin/admin.routes').then((m) => m.adminRoutes),
  },
  {
    path: 'reports',
    canActivate: [signedInGuard, roleGuard('trainer', 'admin')],
    loadChildren: () => import('./features/reports/reports.routes').then((m) => m.reportsRoutes),
  },
  {
    path: 'forbidden',
    title: 'Not allowed',
    loadComponent: () => import('./features/errors/forbidden-page').then((m) => m.ForbiddenPage),
  },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./features/errors/not-found-page').then((m) => m.NotFoundPage),
  },
];
