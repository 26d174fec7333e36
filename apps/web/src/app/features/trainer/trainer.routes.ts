import type { Routes } from '@angular/router';
import { TrainerPage } from './trainer-page';

export const trainerRoutes: Routes = [{ path: '', title: 'Trainer tools', component: TrainerPage }];
