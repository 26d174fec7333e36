import type { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from '../../core/auth/guards';
import { provideFormFieldDefaults } from '../../core/ui/form-field-defaults';
import { ProfilePage } from './profile/profile-page';
import { RegisterPage } from './register/register-page';
import { SignInPage } from './sign-in/sign-in-page';

export const authRoutes: Routes = [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: 'register', title: 'Create your account', canActivate: [signedOutGuard], component: RegisterPage },
      { path: 'sign-in', title: 'Sign in', canActivate: [signedOutGuard], component: SignInPage },
      { path: 'profile', title: 'Your profile', canActivate: [signedInGuard], component: ProfilePage },
    ],
  },
];
