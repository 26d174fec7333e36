import { expect, type APIRequestContext } from '@playwright/test';
import { admin, bearerFor, uniqueSuffix } from './accounts';

export interface PackagePlan {
  credits: number;
  /** In cents (the studio's currency is EUR in the e2e server). */
  priceCents: number;
  validityDays?: number;
}

/** A credit package on sale, with a name no other test uses, put on sale by the e2e admin through the API. */
export async function packageOnSale(request: APIRequestContext, plan: PackagePlan): Promise<{ id: string; name: string }> {
  const name = `E2E ${plan.credits} credits ${uniqueSuffix()}`;
  const response = await request.post('/api/v1/credit-packages', {
    headers: { authorization: await bearerFor(request, admin) },
    data: { name, credits: plan.credits, priceCents: plan.priceCents, currency: 'EUR', validityDays: plan.validityDays ?? 90 },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { id: ((await response.json()) as { id: string }).id, name };
}
