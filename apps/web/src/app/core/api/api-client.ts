import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangePasswordRequest,
  ChangeRoleRequest,
  ListUsersQuery,
  LoginRequest,
  Me,
  PageOf,
  RefreshRequest,
  RegisterRequest,
  Role,
  Studio,
  TokenPair,
  UpdateProfileRequest,
  User,
} from '@fitflow/api-contract';
import type { Observable } from 'rxjs';
import { apiUrl } from './api-paths';

/** FitFlow's HTTP API, typed with `@fitflow/api-contract`. Errors arrive as `HttpErrorResponse` (see `toProblem`). */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  readonly #http = inject(HttpClient);

  getStudio(): Observable<Studio> {
    return this.#http.get<Studio>(apiUrl('/studio'));
  }

  register(body: RegisterRequest): Observable<{ id: string }> {
    return this.#http.post<{ id: string }>(apiUrl('/auth/register'), body);
  }

  login(body: LoginRequest): Observable<TokenPair> {
    return this.#http.post<TokenPair>(apiUrl('/auth/login'), body);
  }

  refresh(refreshToken: string): Observable<TokenPair> {
    const body: RefreshRequest = { refreshToken };
    return this.#http.post<TokenPair>(apiUrl('/auth/refresh'), body);
  }

  logout(refreshToken: string): Observable<unknown> {
    const body: RefreshRequest = { refreshToken };
    return this.#http.post(apiUrl('/auth/logout'), body);
  }

  me(): Observable<Me> {
    return this.#http.get<Me>(apiUrl('/me'));
  }

  updateMe(body: UpdateProfileRequest): Observable<Me> {
    return this.#http.patch<Me>(apiUrl('/me'), body);
  }

  /** Answers the caller's new token pair: every other session of the account has ended. */
  changePassword(body: ChangePasswordRequest): Observable<TokenPair> {
    return this.#http.post<TokenPair>(apiUrl('/me/password'), body);
  }

  listUsers(query: ListUsersQuery): Observable<PageOf<User>> {
    return this.#http.get<PageOf<User>>(apiUrl('/users'), { params: toParams(query) });
  }

  changeUserRole(id: string, role: Role): Observable<User> {
    const body: ChangeRoleRequest = { role };
    return this.#http.patch<User>(apiUrl(`/users/${encodeURIComponent(id)}/role`), body);
  }
}

/** Query parameters from a query object, leaving out what is unset or empty. */
export function toParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}
