import type { Routes } from '@angular/router';
import { provideStudioDateAdapter } from '../../core/time/studio-date-adapter';
import { provideFormFieldDefaults } from '../../core/ui/form-field-defaults';
import { AttendancePage } from './attendance/attendance-page';
import { AttendanceStore } from './attendance/attendance.store';

/** Trainers and admins (guarded in app.routes.ts). */
export const reportsRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'attendance' },
  {
    path: 'attendance',
    title: 'Attendance',
    providers: [provideFormFieldDefaults(), provideStudioDateAdapter(), AttendanceStore],
    component: AttendancePage,
  },
];
