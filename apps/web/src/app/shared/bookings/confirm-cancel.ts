import type { Injector } from '@angular/core';
import type { Booking } from '@fitflow/api-contract';
import { StudioStore } from '../../core/studio/studio.store';
import { CLOCK } from '../../core/time/studio-time';
import { openDialog } from '../../core/ui/dialogs';
import type { CancelBookingDialogData } from './cancel-booking-dialog';

/**
 * Asks the member whether to cancel `booking`, with the refund as the API computed it (its `refundOutlook`); the
 * dialog loads on first use. True once confirmed. Cancelling is the caller's: its store shows the outcome.
 */
export async function confirmCancel(injector: Injector, booking: Booking): Promise<boolean> {
  const confirmed = await openDialog<CancelBookingDialogData, boolean>(
    injector,
    () => import('./cancel-booking-dialog').then((m) => m.CancelBookingDialog),
    { data: { booking, timeZone: injector.get(StudioStore).timeZone(), now: injector.get(CLOCK)() } },
  );
  return confirmed === true;
}
