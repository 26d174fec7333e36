import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The dialog named `name`, once it has finished opening. Material moves focus into a dialog only when its opening
 * animation ends; text typed before that can land in the field that focus leaves, or in none (a fast `fill`
 * of a number field lost its value that way). Focus inside the dialog is the sign it is ready for typing.
 */
export async function openedDialog(page: Page, name: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(':focus')).toHaveCount(1);
  return dialog;
}
