import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../../core/ui/form-field-defaults';
import { SchedulePage } from './schedule-page';
import { ScheduleStore } from './schedule.store';
import { SessionDetailPage } from './session-detail/session-detail-page';
import { SessionDetailStore } from './session-detail/session-detail.store';

export const scheduleRoutes: Routes = [
  { path: '', title: 'Schedule', providers: [provideFormFieldDefaults(), ScheduleStore], component: SchedulePage },
];

export const sessionRoutes: Routes = [
  { path: ':id', title: 'Class', providers: [SessionDetailStore], component: SessionDetailPage },
];
