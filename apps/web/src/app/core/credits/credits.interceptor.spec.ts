import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { problem } from '../../../testing/fixtures';
import { creditsInterceptor } from './credits.interceptor';
import { CreditsStore } from './credits.store';

const ID = '7c1d2e3f-4a5b-4c6d-8e7f-000000000001';

function setup() {
  const credits = { refresh: vi.fn().mockResolvedValue(undefined) };
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([creditsInterceptor])),
      provideHttpClientTesting(),
      { provide: CreditsStore, useValue: credits },
    ],
  });
  return { credits, http: TestBed.inject(HttpTestingController), client: TestBed.inject(HttpClient) };
}

describe('creditsInterceptor', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it.each([
    ['POST', `/api/v1/sessions/${ID}/book`],
    ['POST', `/api/v1/holds/${ID}/confirm`],
    ['PATCH', `/api/v1/bookings/${ID}/cancel`],
    ['POST', `/api/v1/users/${ID}/credits`],
  ])('reads the balance again once %s %s has been answered', async (method, url) => {
    const { credits, http, client } = setup();
    const done = firstValueFrom(client.request(method, url, { body: null }));
    expect(credits.refresh).not.toHaveBeenCalled();
    http.expectOne(url).flush({}, { status: 201, statusText: 'Created' });
    await done;
    expect(credits.refresh).toHaveBeenCalledTimes(1);
  });

  it('reads it again after a 402 too: the balance shown was out of date', async () => {
    const { credits, http, client } = setup();
    const done = firstValueFrom(client.post(`/api/v1/sessions/${ID}/book`, null)).catch(() => 'refused');
    http
      .expectOne(`/api/v1/sessions/${ID}/book`)
      .flush(problem(402, 'INSUFFICIENT_CREDITS'), { status: 402, statusText: 'Payment Required' });
    expect(await done).toBe('refused');
    expect(credits.refresh).toHaveBeenCalledTimes(1);
  });

  it('leaves alone what does not move credits, and a refusal that changed nothing', async () => {
    const { credits, http, client } = setup();
    void firstValueFrom(client.get(`/api/v1/sessions/${ID}`));
    void firstValueFrom(client.post(`/api/v1/sessions/${ID}/hold`, null));
    const full = firstValueFrom(client.post(`/api/v1/sessions/${ID}/book`, null)).catch(() => 'refused');
    http.expectOne(`/api/v1/sessions/${ID}`).flush({});
    http.expectOne(`/api/v1/sessions/${ID}/hold`).flush({});
    http.expectOne(`/api/v1/sessions/${ID}/book`).flush(problem(409, 'SESSION_FULL'), { status: 409, statusText: 'Conflict' });
    await full;
    expect(credits.refresh).not.toHaveBeenCalled();
  });
});
