import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../../core/ui/form-field-defaults';
import { MyClassesPage } from './sessions/my-classes-page';
import { TrainerSessionsStore } from './sessions/trainer-sessions.store';
import { TemplatesPage } from './templates/templates-page';
import { TemplatesStore } from './templates/templates.store';
import { TrainerLayout } from './trainer-layout';

/** Trainers and admins (guarded in app.routes.ts). Each page has its own store; the dialogs load on first use. */
export const trainerRoutes: Routes = [
  {
    path: '',
    component: TrainerLayout,
    providers: [provideFormFieldDefaults()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'templates' },
      { path: 'templates', title: 'Class templates', providers: [TemplatesStore], component: TemplatesPage },
      { path: 'classes', title: 'My classes', providers: [TrainerSessionsStore], component: MyClassesPage },
      { path: 'today', loadChildren: () => import('../door/door.routes').then((m) => m.doorRoutes) },
    ],
  },
];
