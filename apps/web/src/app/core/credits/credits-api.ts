import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreditAdjustmentBody,
  CreditPackage,
  CreditPackageBody,
  CreditTransaction,
  Membership,
  PageOf,
  PageQuery,
  Purchase,
  PurchaseBody,
  TestAuthenticationBody,
} from '@fitflow/api-contract';
import type { Observable } from 'rxjs';
import { toParams } from '../api/api-client';
import { apiUrl } from '../api/api-paths';

/** Credits and card payments: the packages on sale, buying one, the member's balance and ledger, an admin's adjustment. */
@Injectable({ providedIn: 'root' })
export class CreditsApi {
  readonly #http = inject(HttpClient);

  /** The packages on sale now (retired ones are not). */
  packages(): Observable<CreditPackage[]> {
    return this.#http.get<CreditPackage[]>(apiUrl('/credit-packages'));
  }

  createPackage(body: CreditPackageBody): Observable<CreditPackage> {
    return this.#http.post<CreditPackage>(apiUrl('/credit-packages'), body);
  }

  updatePackage(id: string, body: CreditPackageBody): Observable<CreditPackage> {
    return this.#http.put<CreditPackage>(apiUrl(`/credit-packages/${encodeURIComponent(id)}`), body);
  }

  /** No longer sold; what members bought of it stays theirs. */
  retirePackage(id: string): Observable<unknown> {
    return this.#http.delete(apiUrl(`/credit-packages/${encodeURIComponent(id)}`));
  }

  /**
   * Pays for a package. `idempotencyKey` names the attempt: a retry of the same attempt (after a lost answer)
   * sends the same key, so the card is charged once whatever happened to the first answer.
   */
  purchase(body: PurchaseBody, idempotencyKey: string): Observable<Purchase> {
    return this.#http.post<Purchase>(apiUrl('/memberships/purchase'), body, { headers: { 'Idempotency-Key': idempotencyKey } });
  }

  purchaseById(id: string): Observable<Purchase> {
    return this.#http.get<Purchase>(apiUrl(`/memberships/purchases/${encodeURIComponent(id)}`));
  }

  /** Test mode only: the member's answer on the stand-in for the bank's 3-D Secure page. */
  answerTestAuthentication(id: string, outcome: TestAuthenticationBody['outcome']): Observable<Purchase> {
    const body: TestAuthenticationBody = { outcome };
    return this.#http.post<Purchase>(apiUrl(`/memberships/purchases/${encodeURIComponent(id)}/test-authentication`), body);
  }

  myMembership(): Observable<Membership> {
    return this.#http.get<Membership>(apiUrl('/memberships/me'));
  }

  /** The caller's ledger, newest first. */
  myTransactions(query: PageQuery): Observable<PageOf<CreditTransaction>> {
    return this.#http.get<PageOf<CreditTransaction>>(apiUrl('/memberships/me/transactions'), { params: toParams(query) });
  }

  /** An admin's look at a user's balance. */
  membershipOf(userId: string): Observable<Membership> {
    return this.#http.get<Membership>(apiUrl(`/users/${encodeURIComponent(userId)}/membership`));
  }

  /** An admin adds (positive) or takes (negative) credits, with the reason the ledger keeps. */
  adjust(userId: string, body: CreditAdjustmentBody): Observable<CreditTransaction> {
    return this.#http.post<CreditTransaction>(apiUrl(`/users/${encodeURIComponent(userId)}/credits`), body);
  }
}
