import { describe, expect, it } from 'vitest';
import { isMarketingBlocked, MARKETING_BLOCKED_COUNTRIES } from '../../../../shared/domain/consent';

describe('isMarketingBlocked', () => {
  it('blocks US numbers but not other +1 countries', () => {
    expect(isMarketingBlocked('+12125550123')).toBe(true);
    expect(isMarketingBlocked('+14165550123')).toBe(false); // Toronto
    expect(isMarketingBlocked('+18095551234')).toBe(false); // Dominican Republic
  });

  it('does not block other countries', () => {
    expect(isMarketingBlocked('+34600111222')).toBe(false);
    expect(isMarketingBlocked('+919876543210')).toBe(false);
  });

  it('applies a block only from its start date', () => {
    expect(isMarketingBlocked('+12125550123', Date.parse('2025-03-31T23:59:59Z'))).toBe(false);
    expect(isMarketingBlocked('+12125550123', Date.parse('2025-04-01T00:00:00Z'))).toBe(true);
  });

  it('treats an unidentifiable +1 number as blocked and reads a custom list', () => {
    expect(isMarketingBlocked('+1999')).toBe(true);
    const custom = [{ country: 'ES', callingCode: '34', since: '2020-01-01T00:00:00Z', note: 'test' }];
    expect(isMarketingBlocked('+34600111222', undefined, custom)).toBe(true);
    expect(isMarketingBlocked('+12125550123', undefined, custom)).toBe(false);
    expect(MARKETING_BLOCKED_COUNTRIES.map((b) => b.country)).toContain('US');
  });
});
