import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, listing each with the
 * elements it found it on. Call it on every page a journey visits, once the page has rendered.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(blocking, `axe found serious or critical violations on ${page.url()}`).toEqual([]);
}

/**
 * Waits until the page stands still: no entrance animation running (a toast fading in, an error message sliding
 * under its field; endless ones like a progress bar aside) and no toast still holding its content aria-hidden
 * (MatSnackBar does until it has announced it to screen readers). So axe judges what a person meets, not one frame
 * of a transition with half-transparent text.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('mat-snack-bar-container .mat-mdc-snack-bar-label > [aria-hidden="true"]') === null &&
      document
        .getAnimations()
        .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}
