import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { button, settle } from '../../../../testing/dom';
import type { Role, User } from '@fitflow/api-contract';
import { ConfirmDialog } from '../../../core/ui/confirm-dialog';
import { roleChangeConfirmation } from './role-change';

async function render({ user, role }: { user: Pick<User, 'name' | 'role'>; role: Role }) {
  const close = vi.fn();
  TestBed.configureTestingModule({
    imports: [ConfirmDialog],
    providers: [
      { provide: MAT_DIALOG_DATA, useValue: roleChangeConfirmation(user, role) },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(ConfirmDialog);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  return { root, close, text: () => root.textContent?.replace(/\s+/g, ' ').trim() ?? '' };
}

describe('the role change confirmation (ConfirmDialog)', () => {
  it('names the person and the change, and closes with true once confirmed', async () => {
    const { root, close, text } = await render({ user: { name: 'Sam Lee', role: 'member' }, role: 'trainer' });
    expect(root.querySelector('h2')?.textContent?.trim()).toBe('Make Sam Lee a trainer?');
    expect(text()).toContain('Sam will be able to create class templates');

    button(root, 'Make trainer').click();
    expect(close).toHaveBeenCalledWith(true);
  });

  it('closes with false when the admin thinks again', async () => {
    const { root, close } = await render({ user: { name: 'Sam Lee', role: 'admin' }, role: 'member' });
    button(root, 'Cancel').click();
    expect(close).toHaveBeenCalledWith(false);
  });
});
