import type { Routes } from '@angular/router';
import { RosterPage } from './roster-page';
import { RosterStore } from './roster.store';
import { TodayPage } from './today-page';
import { TodayStore } from './today.store';

/** The door, under /trainer/today (trainers and admins; the layout provides the form fields' look): today's classes, and a class's roster to check in. */
export const doorRoutes: Routes = [
  { path: '', title: 'Today', providers: [TodayStore], component: TodayPage },
  { path: ':sessionId', title: 'Roster', providers: [RosterStore], component: RosterPage },
];
