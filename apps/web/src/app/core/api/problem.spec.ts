import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { describeProblem, fieldErrorsOf, toProblem } from './problem';

describe('toProblem', () => {
  it('reads a problem document with its field errors', () => {
    const problem = toProblem(
      new HttpErrorResponse({
        status: 400,
        error: {
          type: 'about:blank',
          title: 'Bad request',
          status: 400,
          detail: 'Invalid body',
          code: 'VALIDATION_FAILED',
          errors: [
            { path: 'email', message: 'Enter a valid email address' },
            { path: 'password', message: 'This password is too common' },
          ],
        },
      }),
    );
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(fieldErrorsOf(problem)).toEqual({
      email: 'Enter a valid email address',
      password: 'This password is too common',
    });
  });

  it('reads Retry-After and says when to try again', () => {
    const problem = toProblem(
      new HttpErrorResponse({
        status: 429,
        headers: new HttpHeaders({ 'Retry-After': '42' }),
        error: { type: 'about:blank', title: 'Too many', status: 429, detail: '', code: 'RATE_LIMITED' },
      }),
    );
    expect(problem.retryAfterSeconds).toBe(42);
    expect(describeProblem(problem)).toBe('Too many attempts. Try again in 42 seconds.');
  });

  it('falls back on the status when the body is not a problem document', () => {
    expect(toProblem(new HttpErrorResponse({ status: 502, error: '<html>Bad gateway</html>' })).code).toBe('INTERNAL');
    expect(toProblem(new HttpErrorResponse({ status: 404, error: null })).code).toBe('NOT_FOUND');
    expect(toProblem(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') })).code).toBe('NETWORK_ERROR');
  });

  it('parses a problem sent as text', () => {
    const body = JSON.stringify({ type: 'x', title: 'Taken', status: 409, detail: '', code: 'EMAIL_TAKEN' });
    expect(toProblem(new HttpErrorResponse({ status: 409, error: body })).code).toBe('EMAIL_TAKEN');
  });
});
