import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';
import { preloadScheduleCode } from './app/features/schedule/preload-schedule';

// The schedule is the home page: its code loads while Angular starts, not after.
preloadScheduleCode(location.pathname);

bootstrapApplication(App, appConfig).catch((err) =>
  console.error(err)
);
