import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { Template } from '@fitflow/api-contract';
import { button, fieldMessage, inputLabelled, settle, type } from '../../../../testing/dom';
import { problem } from '../../../../testing/fixtures';
import { aTemplate, berlinStudio, pageOf } from '../../../../testing/sessions';
import { ToastService } from '../../../core/ui/toast.service';
import { TemplateDialog } from './template-dialog';
import { TemplatesStore } from './templates.store';

async function render(template?: Template) {
  const close = vi.fn();
  TestBed.configureTestingModule({
    imports: [TemplateDialog],
    providers: [
      TemplatesStore,
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MAT_DIALOG_DATA, useValue: { template } },
      { provide: MatDialogRef, useValue: { close } },
      { provide: ToastService, useValue: { success: vi.fn(), error: vi.fn() } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(TemplateDialog);
  await settle(fixture);
  http.expectOne((request) => request.url === '/api/v1/templates' && request.method === 'GET').flush(pageOf([]));
  http.expectOne('/api/v1/studio').flush(berlinStudio);
  const root = fixture.nativeElement as HTMLElement;
  const fill = async (values: Record<string, string>) => {
    for (const [label, value] of Object.entries(values)) type(inputLabelled(root, label), value);
    await settle(fixture);
  };
  const save = async () => {
    button(root, 'Save').click();
    await settle(fixture);
  };
  return { fixture, root, http, close, fill, save };
}

const noWrite = (request: { method: string }) => request.method !== 'GET';

describe('TemplateDialog', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('starts a new template with sensible values: an hour, 12 people, 1 credit', async () => {
    const { root } = await render();
    expect(root.querySelector('h2')?.textContent?.trim()).toBe('New template');
    expect(inputLabelled(root, 'Duration (minutes)').value).toBe('60');
    expect(inputLabelled(root, 'Capacity').value).toBe('12');
    expect(inputLabelled(root, 'Credits').value).toBe('1');
  });

  it("refuses what the API would: no name, 5..480 minutes, 1..500 people, 0..100 credits — and sends nothing", async () => {
    const { root, fill, save, http } = await render();
    await fill({ Name: '   ', 'Duration (minutes)': '4', Capacity: '501', Credits: '-1' });
    await save();

    expect(fieldMessage(root, 'Name')).toBe('Enter a name for the class');
    expect(fieldMessage(root, 'Duration (minutes)')).toBe('A class lasts 5 to 480 minutes');
    expect(fieldMessage(root, 'Capacity')).toBe('From 1 to 500 people');
    expect(fieldMessage(root, 'Credits')).toBe('From 0 to 100 credits');
    expect(document.activeElement).toBe(inputLabelled(root, 'Name'));
    http.expectNone(noWrite);
  });

  it('takes the ends of each range, and wants whole numbers', async () => {
    const { root, fill, save, http } = await render();
    await fill({ Name: 'Spin', 'Duration (minutes)': '480', Capacity: '0', Credits: '100' });
    await save();
    expect(fieldMessage(root, 'Duration (minutes)')).toBe('');
    expect(fieldMessage(root, 'Credits')).toBe('0 for free');
    expect(fieldMessage(root, 'Capacity')).toBe('From 1 to 500 people');

    await fill({ Capacity: '2.5', 'Duration (minutes)': '5' });
    await save();
    expect(fieldMessage(root, 'Capacity')).toBe('Enter a whole number');
    await fill({ Capacity: '' });
    await save();
    expect(fieldMessage(root, 'Capacity')).toBe('Enter how many people fit');
    http.expectNone(noWrite);
  });

  it('creates the template, reloads the list and closes', async () => {
    const { fill, save, http, close } = await render();
    await fill({ Name: ' Morning Yoga ', Description: 'Bring a mat', 'Duration (minutes)': '75', Capacity: '14', Credits: '2' });
    await save();

    const create = http.expectOne({ method: 'POST', url: '/api/v1/templates' });
    expect(create.request.body).toEqual({
      name: 'Morning Yoga',
      description: 'Bring a mat',
      durationMinutes: 75,
      capacity: 14,
      creditCost: 2,
    });
    create.flush({ id: aTemplate().id }, { status: 201, statusText: 'Created' });
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne({ method: 'GET', url: '/api/v1/templates?page=1&pageSize=50' }).flush(pageOf([aTemplate()]));
    await new Promise((resolve) => setTimeout(resolve));
    expect(close).toHaveBeenCalledWith(true);
    expect(TestBed.inject(TemplatesStore).templates()).toHaveLength(1);
  });

  it("shows the server's verdict under the field it names, and stays open", async () => {
    const { root, fixture, fill, save, http, close } = await render();
    await fill({ Name: 'Spin' });
    await save();
    http.expectOne({ method: 'POST', url: '/api/v1/templates' }).flush(
      problem(400, 'VALIDATION_FAILED', { errors: [{ path: 'durationMinutes', message: 'A class lasts at most 480 minutes' }] }),
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(fieldMessage(root, 'Duration (minutes)')).toBe('A class lasts at most 480 minutes');
    expect(close).not.toHaveBeenCalled();
  });

  it("edits a template with PUT, every detail but the trainer", async () => {
    const template = aTemplate({ name: 'Barre', durationMinutes: 50, capacity: 10, creditCost: 1 });
    const { root, fixture, fill, save, http, close } = await render(template);
    expect(root.querySelector('h2')?.textContent?.trim()).toBe('Edit Barre');
    expect(inputLabelled(root, 'Name').value).toBe('Barre');
    await fill({ Capacity: '8' });
    await save();

    const put = http.expectOne({ method: 'PUT', url: `/api/v1/templates/${template.id}` });
    expect(put.request.body).toEqual({ name: 'Barre', description: template.description, durationMinutes: 50, capacity: 8, creditCost: 1 });
    put.flush({ ...template, capacity: 8 });
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(true);
  });
});
