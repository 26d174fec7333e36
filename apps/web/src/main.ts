import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';

// The app starts in a task of its own, after the one that ran its code: on a phone each is long enough already.
setTimeout(() => bootstrapApplication(App, appConfig).catch((err) => console.error(err)));
