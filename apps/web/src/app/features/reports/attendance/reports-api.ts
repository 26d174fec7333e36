import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AttendanceReportQuery, AttendanceRow } from '@fitflow/api-contract';
import type { Observable } from 'rxjs';
import { toParams } from '../../../core/api/api-client';
import { apiUrl } from '../../../core/api/api-paths';

/** The reports part of the API; only the reports pages load it. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  readonly #http = inject(HttpClient);

  attendance(query: AttendanceReportQuery): Observable<AttendanceRow[]> {
    return this.#http.get<AttendanceRow[]>(apiUrl('/reports/attendance'), { params: toParams(query) });
  }
}
