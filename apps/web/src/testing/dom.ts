import type { ComponentFixture } from '@angular/core/testing';

/** Waits for pending promises, timers of 0 ms and change detection. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

/** The input whose label reads `label` (as a person, or `getByLabel`, finds it). */
export function inputLabelled(root: HTMLElement, label: string): HTMLInputElement {
  const labelElement = Array.from(root.querySelectorAll('label')).find(
    (candidate) => candidate.textContent?.replace('*', '').trim() === label,
  );
  const input = labelElement?.htmlFor ? root.querySelector<HTMLInputElement>(`#${labelElement.htmlFor}`) : null;
  if (!input) throw new Error(`No input labelled "${label}"`);
  return input;
}

export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

export function button(root: HTMLElement, name: string): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === name);
  if (!found) throw new Error(`No button "${name}"`);
  return found;
}

/** The error text shown under the field labelled `label`, through its aria-describedby. */
export function fieldMessage(root: HTMLElement, label: string): string {
  const input = inputLabelled(root, label);
  const ids = input.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids
    .map((id) => root.querySelector(`#${id}`)?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

export function alertText(root: HTMLElement): string | null {
  return root.querySelector('[role="alert"]')?.textContent?.trim() ?? null;
}
