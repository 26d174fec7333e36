import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../../core/ui/form-field-defaults';
import { PackagesPage } from './packages/packages-page';
import { PackagesStore } from './packages/packages.store';
import { UsersPage } from './users/users-page';
import { UsersStore } from './users/users.store';

export const adminRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  { path: 'users', title: 'Users', providers: [provideFormFieldDefaults(), UsersStore], component: UsersPage },
  { path: 'packages', title: 'Credit packages', providers: [provideFormFieldDefaults(), PackagesStore], component: PackagesPage },
];
