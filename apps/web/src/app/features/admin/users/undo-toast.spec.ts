import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Subject } from 'rxjs';
import { UndoToast } from './undo-toast';

function setup() {
  const dismissed = new Subject<{ dismissedByAction: boolean }>();
  const dismiss = vi.fn(() => dismissed.next({ dismissedByAction: false }));
  const snackBar = { open: vi.fn(() => ({ afterDismissed: () => dismissed, dismiss })) };
  TestBed.configureTestingModule({ providers: [{ provide: MatSnackBar, useValue: snackBar }] });
  return { undoToast: TestBed.inject(UndoToast), snackBar, dismissed };
}

describe('UndoToast', () => {
  it('shows the message with an Undo and answers true once Undo is chosen', async () => {
    const { undoToast, snackBar, dismissed } = setup();
    const undone = undoToast.offer('Ana is now a trainer.');
    await vi.waitFor(() => expect(snackBar.open).toHaveBeenCalledWith('Ana is now a trainer.', 'Undo', { duration: 10_000 }));

    dismissed.next({ dismissedByAction: true });
    await expect(undone).resolves.toBe(true);
  });

  it('answers false when the toast goes without Undo', async () => {
    const { undoToast, snackBar, dismissed } = setup();
    const undone = undoToast.offer('Ana is now a trainer.');
    await vi.waitFor(() => expect(snackBar.open).toHaveBeenCalled());

    dismissed.next({ dismissedByAction: false });
    await expect(undone).resolves.toBe(false);
  });

  it('takes back the offer on screen when withdrawn, so its Undo cannot act any more', async () => {
    const { undoToast, snackBar } = setup();
    const undone = undoToast.offer('Ana is now a trainer.');
    await vi.waitFor(() => expect(snackBar.open).toHaveBeenCalled());

    undoToast.withdraw();
    await expect(undone).resolves.toBe(false);
  });
});
