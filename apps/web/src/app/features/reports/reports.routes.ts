import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../../core/ui/form-field-defaults';
import { AttendancePage } from './attendance/attendance-page';
import { AttendanceStore } from './attendance/attendance.store';
import { provideStudioDateAdapter } from './attendance/studio-date-adapter';

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
