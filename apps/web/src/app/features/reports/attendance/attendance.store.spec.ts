import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type Params, Router, provideRouter } from '@angular/router';
import type { AttendanceRow, Me } from '@fitflow/api-contract';
import { admin, problem, tokenPair } from '../../../../testing/fixtures';
import { berlinStudio, marco, tess } from '../../../../testing/sessions';
import { AuthStore } from '../../../core/auth/auth.store';
import { CLOCK } from '../../../core/time/studio-time';
import { AttendanceStore } from './attendance.store';

/** Wednesday 25 November 2026, 11:00 in Berlin. */
const NOW = new Date('2026-11-25T10:00:00.000Z');
const trainer: Me = { id: tess.id, email: 'tess@example.com', name: tess.name, role: 'trainer' };
const YOGA_TEMPLATE = '7a1c2a8e-0d1b-4a53-9f4e-2b7c9d0e1f01';

function aRow(overrides: Partial<AttendanceRow> = {}): AttendanceRow {
  return {
    sessionId: crypto.randomUUID(),
    name: 'Morning Yoga',
    templateId: YOGA_TEMPLATE,
    trainerId: tess.id,
    trainerName: tess.name,
    startsAt: '2026-11-20T17:00:00.000Z',
    endsAt: '2026-11-20T18:00:00.000Z',
    capacity: 12,
    booked: 8,
    checkedIn: 6,
    late: 1,
    noShow: 2,
    ...overrides,
  };
}

async function setup(user: Me = trainer, params: Params = {}) {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      AttendanceStore,
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: CLOCK, useValue: () => NOW },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const auth = TestBed.inject(AuthStore);
  const signedIn = auth.signIn({ email: user.email, password: 'correct horse battery' });
  http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
  await Promise.resolve();
  http.expectOne('/api/v1/me').flush(user);
  await signedIn;

  const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const store = TestBed.inject(AttendanceStore);
  const url = signal<Params>(params);
  TestBed.runInInjectionContext(() => store.followUrl(url));
  TestBed.tick();
  if (user.role === 'admin') http.expectOne('/api/v1/trainers').flush([tess, marco]);
  // No report before the studio's zone is known: days counted in UTC would be the wrong days.
  http.expectNone((request) => request.url === '/api/v1/reports/attendance');
  expect(store.loading()).toBe(store.rangeProblem() === null);
  http.expectOne('/api/v1/studio').flush(berlinStudio);
  await settled();
  return { store, http, navigate, url };
}

/** Lets the studio's answer (a promise) settle, then runs the effects. */
async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
}

function reportRequest(http: HttpTestingController) {
  return http.expectOne((request) => request.url === '/api/v1/reports/attendance');
}

describe('AttendanceStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("asks for the trainer's own classes of the last four weeks, from midnight to midnight in the studio", async () => {
    const { store, http } = await setup();
    const request = reportRequest(http);
    // 29 October to 25 November (today) in Berlin, winter time (UTC+1).
    expect(request.request.params.get('from')).toBe('2026-10-28T23:00:00.000Z');
    expect(request.request.params.get('to')).toBe('2026-11-25T23:00:00.000Z');
    expect(request.request.params.has('trainerId')).toBe(false);
    expect(store.rangeLabel()).toBe('29 Oct – 25 Nov 2026');

    request.flush([aRow()]);
    expect(store.loading()).toBe(false);
    expect(store.lines()).toEqual([
      expect.objectContaining({ date: '2026-11-20', time: '18:00', className: 'Morning Yoga', booked: 8, checkedIn: 6 }),
    ]);
  });

  it("follows the URL's days; a trainer's link that names another trainer still shows their own classes", async () => {
    const { store, http, url } = await setup(trainer, { from: '2026-11-01', to: '2026-11-30', trainer: marco.id });
    const request = reportRequest(http);
    expect(request.request.params.get('from')).toBe('2026-10-31T23:00:00.000Z');
    expect(request.request.params.get('to')).toBe('2026-11-30T23:00:00.000Z');
    expect(request.request.params.has('trainerId')).toBe(false);
    request.flush([]);
    expect(store.csv().fileName).toBe('attendance-2026-11-01-to-2026-11-30.csv');

    // Back to a link without days: the last four weeks again.
    url.set({});
    TestBed.tick();
    expect(reportRequest(http).request.params.get('from')).toBe('2026-10-28T23:00:00.000Z');
  });

  it('puts a new range or trainer in the URL, keeping the rest', async () => {
    const { store, http, navigate } = await setup(admin, { trainer: tess.id });
    reportRequest(http).flush([]);

    await store.showDays('2026-11-02', '2026-11-08');
    expect(navigate).toHaveBeenLastCalledWith(['/reports/attendance'], {
      queryParams: { from: '2026-11-02', to: '2026-11-08', trainer: tess.id },
    });
    await store.filterByTrainer(null);
    expect(navigate).toHaveBeenLastCalledWith(['/reports/attendance'], { queryParams: {} });
  });

  it("lets an admin see every trainer's classes, or the one trainer the URL names", async () => {
    const { store, http, url } = await setup(admin);
    expect(store.trainers().map((t) => t.name)).toEqual([marco.name, tess.name]);
    expect(reportRequest(http).request.params.has('trainerId')).toBe(false);

    url.set({ trainer: marco.id });
    TestBed.tick();
    expect(reportRequest(http).request.params.get('trainerId')).toBe(marco.id);
  });

  it('says why the report could not be loaded, and Retry asks again', async () => {
    const { store, http } = await setup();
    reportRequest(http).flush(problem(500, 'INTERNAL'), { status: 500, statusText: 'Error' });
    expect(store.error()).toMatch(/Something went wrong/);
    expect(store.loading()).toBe(false);
    expect(store.lines()).toEqual([]);

    store.retry();
    TestBed.tick();
    expect(store.loading()).toBe(true);
    expect(store.error()).toBeNull();
    reportRequest(http).flush([aRow()]);
    expect(store.lines()).toHaveLength(1);
  });

  it('asks nothing for a range longer than the API reports on, and says so', async () => {
    const { store, http } = await setup(trainer, { from: '2025-10-31', to: '2026-11-01' });
    http.expectNone((request) => request.url === '/api/v1/reports/attendance');
    expect(store.rangeProblem()).toBe('Choose at most 366 days.');
    expect(store.loading()).toBe(false);
  });

  it('shows the counts with occupancy and no-show rate, and one chart line per class', async () => {
    const { store, http } = await setup(trainer, { from: '2026-11-16', to: '2026-11-22' });
    reportRequest(http).flush([
      aRow({ startsAt: '2026-11-16T17:00:00.000Z', capacity: 12, booked: 9, checkedIn: 6, noShow: 3 }),
      aRow({ startsAt: '2026-11-17T07:30:00.000Z', name: 'Drop-in Spin', templateId: null, booked: 0, checkedIn: 0, late: 0, noShow: 0 }),
      aRow({ startsAt: '2026-11-18T17:00:00.000Z', name: 'Yoga Flow', capacity: 10, booked: 10, checkedIn: 9, noShow: 1 }),
    ]);

    expect(store.lines().map(({ occupancy, noShowRate }) => ({ occupancy, noShowRate }))).toEqual([
      { occupancy: 75, noShowRate: 33 },
      { occupancy: 0, noShowRate: null },
      { occupancy: 100, noShowRate: 10 },
    ]);
    // The template's sessions are one class (by its latest name); a class without a template goes by its name.
    const series = store.series();
    expect(series.map((one) => [one.name, one.points.length])).toEqual([
      ['Drop-in Spin', 1],
      ['Yoga Flow', 2],
    ]);
    expect(series[1]?.points.map((point) => [point.x, point.when])).toEqual([
      [18 / 24, 'Mon 16 Nov 18:00'],
      [2 + 18 / 24, 'Wed 18 Nov 18:00'],
    ]);
    expect(store.csv().text.split('\r\n')[2]).toBe('2026-11-17,08:30,Drop-in Spin,12,0,0,0,0,0,');
  });
});
