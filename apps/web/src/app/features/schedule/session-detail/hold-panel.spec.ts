import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Session } from '@fitflow/api-contract';
import { settle } from '../../../../testing/dom';
import { aSession, anonymousActions, berlinStudio, full } from '../../../../testing/sessions';
import { HoldPanel } from './hold-panel';
import { HoldStore } from './hold.store';

async function render(session: Session) {
  TestBed.configureTestingModule({
    imports: [HoldPanel],
    providers: [HoldStore, provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(HoldPanel);
  fixture.componentRef.setInput('session', session);
  await settle(fixture);
  TestBed.inject(HttpTestingController).expectOne('/api/v1/studio').flush(berlinStudio);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  return { text: () => root.textContent?.replace(/\s+/g, ' ').trim() };
}

describe('HoldPanel', () => {
  it('offers "Hold my spot", and how long it keeps it, where the API says the member can hold one', async () => {
    const { text } = await render(aSession());
    expect(text()).toBe('Keeps a spot for you for 10 minutes Hold my spot');
  });

  it('offers nothing where the API refuses a hold (the class is full) or asks to sign in first', async () => {
    expect((await render(aSession({ availableSpots: 0, actions: { book: full, hold: full } }))).text()).toBe('');
    TestBed.resetTestingModule();
    expect((await render(aSession({ actions: anonymousActions }))).text()).toBe('');
  });
});
