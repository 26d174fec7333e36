import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CancelSessionRequest,
  CreateSessionsRequest,
  CreatedSessions,
  CreateTemplateRequest,
  ListSessionsQuery,
  ListTemplatesQuery,
  PageOf,
  PublishSessionsRequest,
  PublishedSessions,
  Session,
  Template,
  Trainer,
  UpdateSessionRequest,
  UpdateTemplateRequest,
} from '@fitflow/api-contract';
import type { Observable } from 'rxjs';
import { toParams } from './api-client';
import { apiUrl } from './api-paths';

/**
 * The scheduling part of the API: trainers, class templates, sessions. Apart from `ApiClient` (which the shell
 * needs at start-up) so it loads with the pages that use it.
 */
@Injectable({ providedIn: 'root' })
export class SchedulingApi {
  readonly #http = inject(HttpClient);

  listTrainers(): Observable<Trainer[]> {
    return this.#http.get<Trainer[]>(apiUrl('/trainers'));
  }

  listTemplates(query: ListTemplatesQuery): Observable<PageOf<Template>> {
    return this.#http.get<PageOf<Template>>(apiUrl('/templates'), { params: toParams(query) });
  }

  createTemplate(body: CreateTemplateRequest): Observable<{ id: string }> {
    return this.#http.post<{ id: string }>(apiUrl('/templates'), body);
  }

  updateTemplate(id: string, body: UpdateTemplateRequest): Observable<Template> {
    return this.#http.put<Template>(apiUrl(`/templates/${encodeURIComponent(id)}`), body);
  }

  deleteTemplate(id: string): Observable<unknown> {
    return this.#http.delete(apiUrl(`/templates/${encodeURIComponent(id)}`));
  }

  listSessions(query: ListSessionsQuery): Observable<PageOf<Session>> {
    return this.#http.get<PageOf<Session>>(apiUrl('/sessions'), { params: toParams(query) });
  }

  getSession(id: string): Observable<Session> {
    return this.#http.get<Session>(apiUrl(`/sessions/${encodeURIComponent(id)}`));
  }

  createSessions(body: CreateSessionsRequest): Observable<CreatedSessions> {
    return this.#http.post<CreatedSessions>(apiUrl('/sessions'), body);
  }

  updateSession(id: string, body: UpdateSessionRequest): Observable<Session> {
    return this.#http.patch<Session>(apiUrl(`/sessions/${encodeURIComponent(id)}`), body);
  }

  publishSession(id: string): Observable<Session> {
    return this.#http.post<Session>(apiUrl(`/sessions/${encodeURIComponent(id)}/publish`), null);
  }

  /** Publishes every draft of `ids`, or none (the first refusal answers for all). */
  publishSessions(ids: string[]): Observable<PublishedSessions> {
    const body: PublishSessionsRequest = { ids };
    return this.#http.post<PublishedSessions>(apiUrl('/sessions/publish'), body);
  }

  /** Deletes a draft (a published class is cancelled instead). */
  deleteSession(id: string): Observable<unknown> {
    return this.#http.delete(apiUrl(`/sessions/${encodeURIComponent(id)}`));
  }

  cancelSession(id: string, reason: string): Observable<Session> {
    const body: CancelSessionRequest = { reason };
    return this.#http.post<Session>(apiUrl(`/sessions/${encodeURIComponent(id)}/cancel`), body);
  }
}
