import { describe, expect, it } from 'vitest';
import { limitDigits, messagingTierFor, readNumberHealth } from '../../../../main/services/account/number-health';

describe('number health', () => {
  it('reads Meta’s tier names as a daily limit, and as the campaigns’ tier never above it', () => {
    expect(['TIER_50', 'TIER_250', 'TIER_1K', 'TIER_2K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED', 'TIER_NOT_SET', undefined].map(limitDigits)).toEqual([
      '50', '250', '1000', '2000', '10000', '100000', 'unlimited', undefined, undefined,
    ]);
    expect(['TIER_50', 'TIER_250', 'TIER_1K', 'TIER_2K', 'TIER_100K', 'TIER_UNLIMITED', 'TIER_NOT_SET'].map(messagingTierFor)).toEqual([
      undefined, '250', '250', '2000', '100000', 'unlimited', undefined,
    ]);
  });

  it('ignores a stored value it cannot trust', () => {
    expect(readNumberHealth({ flagged: true, limit: 'TIER_2K', event: 'FLAGGED', at: 5 })).toEqual({ flagged: true, limit: 'TIER_2K', event: 'FLAGGED', at: 5 });
    expect(readNumberHealth({ flagged: 'yes', event: 'FLAGGED', at: 5 })).toBeUndefined();
    expect(readNumberHealth('FLAGGED')).toBeUndefined();
    expect(readNumberHealth(undefined)).toBeUndefined();
  });
});
