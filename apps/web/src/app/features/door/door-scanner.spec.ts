import { TestBed } from '@angular/core/testing';
import { button, inputLabelled, settle } from '../../../testing/dom';
import { cameraProblem, DoorScanner } from './door-scanner';

async function render() {
  TestBed.configureTestingModule({ imports: [DoorScanner] });
  const fixture = TestBed.createComponent(DoorScanner);
  const codes: string[] = [];
  fixture.componentInstance.code.subscribe((code) => codes.push(code));
  await settle(fixture);
  return { fixture, root: fixture.nativeElement as HTMLElement, codes };
}

describe('DoorScanner', () => {
  it('sends what a hardware scanner types, on its Enter, and clears the field for the next member', async () => {
    const { root, codes } = await render();
    const field = inputLabelled(root, 'Code from a scanner');
    field.value = '  abc123\n';
    field.form?.requestSubmit();
    expect(codes).toEqual(['abc123']);
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);

    field.form?.requestSubmit();
    expect(codes).toEqual(['abc123']);
  });

  it('offers the camera, and says why when it cannot be used', async () => {
    const { fixture, root } = await render();
    const getUserMedia = vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
    try {
      button(root, 'Scan with camera').click();
      await settle(fixture);
      await settle(fixture);
      expect(root.querySelector('[role="alert"]')?.textContent?.trim()).toBe(cameraProblem(new DOMException('', 'NotAllowedError')));
      expect(button(root, 'Scan with camera')).toBeTruthy();
    } finally {
      Reflect.deleteProperty(navigator, 'mediaDevices');
    }
  });
});

describe('cameraProblem', () => {
  it('tells a refused camera, a missing one and a busy one apart, and always leaves typing the code', () => {
    expect(cameraProblem(new DOMException('', 'NotAllowedError'))).toMatch(/not allowed.*type the code/);
    expect(cameraProblem(new DOMException('', 'NotFoundError'))).toMatch(/No camera/);
    expect(cameraProblem(new DOMException('', 'NotReadableError'))).toMatch(/in use by another app/);
    expect(cameraProblem(new Error('CompileError'))).toMatch(/could not start.*Type the code/);
  });
});
