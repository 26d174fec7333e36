import { formatPrice, fromMinorUnits, minorUnitDigits, toMinorUnits } from './money';

describe('money', () => {
  it('formats a price in its currency, in the app’s locale', () => {
    expect(formatPrice(8000, 'EUR')).toBe('€80.00');
    expect(formatPrice(1250, 'GBP')).toBe('£12.50');
    expect(formatPrice(800, 'JPY')).toBe('JP¥800');
  });

  it('knows how many decimals a currency has, so a form converts both ways without drift', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(toMinorUnits(80.5, 'EUR')).toBe(8050);
    expect(toMinorUnits(0.1 + 0.2, 'EUR')).toBe(30);
    expect(toMinorUnits(800, 'JPY')).toBe(800);
    expect(fromMinorUnits(8050, 'EUR')).toBe(80.5);
  });
});
