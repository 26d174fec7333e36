import type { Routes } from '@angular/router';
import { SessionDetailPage } from './session-detail-page';
import { SessionDetailStore } from './session-detail.store';

/** A class's page (`/sessions/:id`): loaded when first opened, apart from the schedule, which comes with the app. */
export const sessionRoutes: Routes = [
  { path: ':id', title: 'Class', providers: [SessionDetailStore], component: SessionDetailPage },
];
