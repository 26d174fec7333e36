import type { Routes } from '@angular/router';
import { SchedulePage } from './schedule-page';

export const scheduleRoutes: Routes = [{ path: '', title: 'Schedule', component: SchedulePage }];
