import type { SpotHoldSnapshot } from '@fitflow/domain-booking';
import type { HoldView } from './ports';

/** API.md `Hold` from a stored hold. */
export function toHoldView(row: SpotHoldSnapshot): HoldView {
  return {
    id: row.id,
    sessionId: row.sessionId,
    sessionName: row.sessionName,
    startsAt: row.startsAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    status: row.status,
    source: row.source,
  };
}
