import { TestBed } from '@angular/core/testing';
import { button } from '../../../testing/dom';
import { LoadError } from './load-error';

describe('LoadError', () => {
  it('says why, and asks again on Retry', () => {
    const fixture = TestBed.createComponent(LoadError);
    fixture.componentRef.setInput('message', 'Something went wrong on our side. Please try again.');
    const retried = vi.fn();
    fixture.componentInstance.retry.subscribe(retried);
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Please try again.');
    button(root, 'Retry').click();
    expect(retried).toHaveBeenCalledTimes(1);
  });
});
