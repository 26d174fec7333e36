/*
 * Prices as the API sends them (whole minor units plus an ISO 4217 currency) and as people read and type them, in
 * the app's locale (as every date and time it shows).
 */
import { STUDIO_LOCALE as LOCALE } from '../time/studio-locale';

/** How many decimals the currency's minor unit has: 2 for EUR and USD, 0 for JPY. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "€80.00", "US$12.50", "JP¥800". */
export function formatPrice(minorUnits: number, currency: string): string {
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).format(minorUnits / 10 ** minorUnitDigits(currency));
}

/** 80 → 8000 for EUR; rounded to the nearest minor unit, so 0.1 + 0.2 of a form still makes 30 cents. */
export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorUnitDigits(currency));
}

/** 8000 → 80 for EUR, for a form that asks for the price in the currency's main unit. */
export function fromMinorUnits(minorUnits: number, currency: string): number {
  return minorUnits / 10 ** minorUnitDigits(currency);
}

