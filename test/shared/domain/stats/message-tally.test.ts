import { describe, expect, it } from 'vitest';
import { dayOfWithOffset } from '../../../../shared/domain/stats/days';
import { tallyMessages } from '../../../../shared/domain/stats/message-tally';

const utc = dayOfWithOffset(() => 0);
const at = (iso: string) => Date.parse(iso);

describe('tallyMessages', () => {
  it('counts sent on the day queued and delivered/read/failed on the day of the last status', () => {
    const items = [
      { state: 'read', createdAt: at('2025-04-01T10:00:00Z'), updatedAt: at('2025-04-02T08:00:00Z') },
      { state: 'delivered', createdAt: at('2025-04-02T10:00:00Z'), updatedAt: at('2025-04-02T10:00:01Z') },
      { state: 'sent', createdAt: at('2025-04-02T11:00:00Z'), updatedAt: at('2025-04-02T11:00:01Z') },
      { state: 'failed', createdAt: at('2025-04-02T12:00:00Z'), updatedAt: at('2025-04-02T12:00:01Z') },
      { state: 'queued', createdAt: at('2025-04-02T12:00:00Z'), updatedAt: at('2025-04-02T12:00:00Z') },
      { state: 'skipped', createdAt: at('2025-04-02T12:00:00Z'), updatedAt: at('2025-04-02T12:00:00Z') },
      { state: 'accepted', createdAt: at('2025-04-02T12:00:00Z'), updatedAt: at('2025-04-02T12:00:00Z') },
    ];
    const days = tallyMessages(items, utc, ['2025-04-01', '2025-04-02']);
    expect(days.get('2025-04-01')).toEqual({ sent: 1, delivered: 0, read: 0, failed: 0 });
    expect(days.get('2025-04-02')).toEqual({ sent: 2, delivered: 2, read: 1, failed: 1 });
  });

  it('ignores items outside the window and returns every day of it', () => {
    const days = tallyMessages([{ state: 'read', createdAt: at('2025-03-01T10:00:00Z'), updatedAt: at('2025-03-01T10:00:00Z') }], utc, ['2025-04-01']);
    expect([...days.entries()]).toEqual([['2025-04-01', { sent: 0, delivered: 0, read: 0, failed: 0 }]]);
  });
});
