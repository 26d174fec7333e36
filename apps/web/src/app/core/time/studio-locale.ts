/**
 * The one locale of the app, the studio's: every date and time it writes ("Monday 30 November", "07:30") and every
 * picker (`LOCALE_ID`, `MAT_DATE_LOCALE`) use it, whatever the browser's language. Alone in its file, so the shell
 * can name it without pulling in the time zone arithmetic.
 */
export const STUDIO_LOCALE = 'en-GB';
