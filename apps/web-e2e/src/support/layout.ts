import { expect, type Page } from '@playwright/test';

/** Nothing on the page is wider than the viewport; polled, so a layout still settling on a busy machine has time. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}
