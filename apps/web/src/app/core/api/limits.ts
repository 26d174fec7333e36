import type {
  CANCELLATION_REASON_MAX_LENGTH as ContractReasonMax,
  CLASS_DESCRIPTION_MAX_LENGTH as ContractDescriptionMax,
  CLASS_NAME_MAX_LENGTH as ContractNameMax,
  DEFAULT_CREDIT_COST as ContractDefaultCost,
  MAX_CAPACITY as ContractMaxCapacity,
  MAX_CREDIT_COST as ContractMaxCost,
  MAX_DURATION_MINUTES as ContractMaxDuration,
  MAX_SERIES_SESSIONS as ContractMaxSeries,
  MIN_CAPACITY as ContractMinCapacity,
  MIN_DURATION_MINUTES as ContractMinDuration,
} from '@fitflow/api-contract';

/*
 * The scheduling rules of the contract, typed against it so a change there breaks this build (copied, not
 * imported as values, to keep zod out of the bundle; see api-paths.ts).
 */
export const CLASS_NAME_MAX_LENGTH: typeof ContractNameMax = 100;
export const CLASS_DESCRIPTION_MAX_LENGTH: typeof ContractDescriptionMax = 2000;
export const MIN_DURATION_MINUTES: typeof ContractMinDuration = 5;
export const MAX_DURATION_MINUTES: typeof ContractMaxDuration = 480;
export const MIN_CAPACITY: typeof ContractMinCapacity = 1;
export const MAX_CAPACITY: typeof ContractMaxCapacity = 500;
export const MAX_CREDIT_COST: typeof ContractMaxCost = 100;
export const DEFAULT_CREDIT_COST: typeof ContractDefaultCost = 1;
export const MAX_SERIES_SESSIONS: typeof ContractMaxSeries = 100;
export const CANCELLATION_REASON_MAX_LENGTH: typeof ContractReasonMax = 500;
