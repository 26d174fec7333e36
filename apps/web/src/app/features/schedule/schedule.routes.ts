import type { Routes } from '@angular/router';
import { SchedulePage } from './schedule-page';
import { ScheduleStore } from './schedule.store';

/**
 * The schedule's form fields (NarrowingFilters, DayField) bring their own defaults: the route's providers load with
 * the page, and Material's form-field code with them.
 */
export const scheduleRoutes: Routes = [
  { path: '', title: 'Schedule', providers: [ScheduleStore], component: SchedulePage },
];
