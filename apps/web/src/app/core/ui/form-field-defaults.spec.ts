import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { provideFormFieldDefaults } from './form-field-defaults';

@Component({
  imports: [MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field>
      <mat-label>Email</mat-label>
      <input matInput />
      <mat-hint>A hint long enough to wrap onto a second line on a phone</mat-hint>
    </mat-form-field>
  `,
})
class AField {}

describe('provideFormFieldDefaults', () => {
  it('gives fields outlines and a hint or error room of its own, so it never runs into the next label', () => {
    TestBed.configureTestingModule({ providers: [provideFormFieldDefaults()] });
    const fixture = TestBed.createComponent(AField);
    fixture.detectChanges();
    const field = (fixture.nativeElement as HTMLElement).querySelector('mat-form-field');

    expect(field?.classList).toContain('mat-form-field-appearance-outline');
    expect(field?.querySelector('.mat-mdc-form-field-subscript-wrapper')?.classList).toContain(
      'mat-mdc-form-field-subscript-dynamic-size',
    );
  });
});
