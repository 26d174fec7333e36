import { Pipe, type PipeTransform } from '@angular/core';
import { STUDIO_LOCALE } from '../time/studio-locale';

/** Formats an ISO instant in the studio's IANA time zone, whatever the browser's zone is. */
@Pipe({ name: 'studioDate' })
export class StudioDatePipe implements PipeTransform {
  transform(
    instant: string | null | undefined,
    timeZone: string,
    style: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
  ): string {
    if (!instant) return '';
    const date = new Date(instant);
    if (Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(STUDIO_LOCALE, { ...style, timeZone }).format(date);
  }
}
