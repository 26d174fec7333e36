import { readFile } from 'node:fs/promises';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { type Account, registerMember, uniqueSuffix, signInThroughApi } from './support/accounts';
import { bearerFor, bookClass, publishClass, registerTrainer, studioTimeZone, studioToday } from './support/scheduling';

/**
 * A trainer's class starting in five minutes (so its door, open from 30 minutes before the start, is open now),
 * booked by three members, two of them checked in by the trainer's button, all through the API.
 */
async function aClassWithCheckIns(request: APIRequestContext) {
  const [trainer, zone, ...members] = await Promise.all([
    registerTrainer(request),
    studioTimeZone(request),
    registerMember(request, 'door-a'),
    registerMember(request, 'door-b'),
    registerMember(request, 'door-c'),
  ]);
  const className = `E2E Attendance ${uniqueSuffix()}`;
  const startsAt = new Date(Math.ceil((Date.now() + 5 * 60_000) / 60_000) * 60_000);
  const sessionId = await publishClass(request, trainer, { name: className, startsAt, minutes: 60, capacity: 4, creditCost: 1 });
  const bookingIds = await Promise.all(members.map((member) => bookClass(request, member, sessionId)));
  for (const bookingId of bookingIds.slice(0, 2)) await checkIn(request, trainer, bookingId);
  return { trainer, className, startsAt, zone };
}

async function checkIn(request: APIRequestContext, trainer: Account, bookingId: string): Promise<void> {
  const response = await request.post(`/api/v1/bookings/${bookingId}/checkin`, {
    headers: { authorization: await bearerFor(request, trainer) },
    data: { method: 'manual' },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** How many pixels of the canvas are painted: Chart.js has drawn on it. */
function paintedPixels(page: Page, name: RegExp): Promise<number> {
  return page.getByRole('img', { name }).evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? { data: [] };
    let painted = 0;
    for (let alpha = 3; alpha < data.length; alpha += 4) if ((data[alpha] ?? 0) > 0) painted += 1;
    return painted;
  });
}

test('a trainer sees a class with check-ins in the attendance table, its chart and the CSV', async ({ page, request }) => {
  const { trainer, className, startsAt, zone } = await aClassWithCheckIns(request);
  const day = studioToday(zone, startsAt);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(startsAt);
  await signInThroughApi(page, request, trainer);

  await page.goto(`/reports/attendance?from=${day}&to=${day}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Attendance' })).toBeVisible();
  // Date, time, class, capacity, booked, checked in, late, no-shows, occupancy, no-show rate.
  const row = page.getByRole('row').filter({ hasText: className });
  await expect(row.getByRole('cell')).toHaveText([/\w{3} \d{1,2} \w{3}/, time, className, '4', '3', '2', '0', '0', '75 %', '0 %']);

  const chart = /^Occupancy per class/;
  await expect(page.getByRole('img', { name: chart })).toHaveAccessibleName(`Occupancy per class, ${rangeOf(day)}: ${className}, 1 session, 75 % full on average.`);
  await expect.poll(() => paintedPixels(page, chart)).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`attendance-${day}-to-${day}.csv`);
  const csv = await readFile(await file.path(), 'utf8');
  expect(csv).toContain('Date,Time,Class,Capacity,Booked,Checked in,Late,No-shows,Occupancy %,No-show rate %\r\n');
  expect(csv).toContain(`${day},${time},${className},4,3,2,0,0,75,0\r\n`);
});

/** "30 Nov – 30 Nov 2026": how the page names a one-day range. */
function rangeOf(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const short = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(
    new Date(Date.UTC(year, month - 1, date, 12)),
  );
  return `${short} – ${short} ${year}`;
}
