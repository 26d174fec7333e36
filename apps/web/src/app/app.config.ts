import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  APP_BOOTSTRAP_LISTENER,
  type ApplicationConfig,
  inject,
  LOCALE_ID,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import {
  Router,
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withDisabledInitialNavigation,
  withInMemoryScrolling,
} from '@angular/router';
import { appRoutes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { AuthStore } from './core/auth/auth.store';
import { creditsInterceptor } from './core/credits/credits.interceptor';
import { StudioStore } from './core/studio/studio.store';
import { STUDIO_LOCALE } from './core/time/studio-locale';
import { AppTitleStrategy } from './core/ui/title-strategy';
import { provideSchedulePreload } from './features/schedule/preload-schedule';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor, creditsInterceptor])),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
      withDisabledInitialNavigation(),
    ),
    /*
     * On a phone the start is long: the app's code, the shell, the first page each take tens of milliseconds. Each
     * runs in a task of its own (main.ts, the initializer below, this listener), so none keeps a tap waiting long.
     */
    provideAppInitializer(() => new Promise<void>((resolve) => setTimeout(resolve))),
    {
      provide: APP_BOOTSTRAP_LISTENER,
      multi: true,
      useFactory: () => {
        const router = inject(Router);
        return () => setTimeout(() => router.initialNavigation());
      },
    },
    // A stored refresh token becomes a session before the first navigation, so guards see who is signed in.
    provideAppInitializer(() => inject(AuthStore).restoreSession()),
    // The studio (its name, the time zone every page waits for) is read meanwhile, not after.
    provideAppInitializer(() => void inject(StudioStore)),
    provideSchedulePreload(),
    /*
     * The studio's locale for Angular and for Material's pickers (MAT_DATE_LOCALE follows LOCALE_ID). No Angular
     * pipe formats with it (dates go through core/time, in the same locale), so its locale data is not bundled.
     */
    { provide: LOCALE_ID, useValue: STUDIO_LOCALE },
    { provide: TitleStrategy, useClass: AppTitleStrategy },
  ],
};
