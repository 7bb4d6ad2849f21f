import { describe, expect, it } from 'vitest';
import { ConsentTally } from '../../../../shared/domain/stats/consent-tally';
import { buildDashboard } from '../../../../shared/domain/stats/dashboard';
import { dayOfWithOffset, lastDays } from '../../../../shared/domain/stats/days';

describe('buildDashboard', () => {
  it('assembles the window, today’s counts and the series keys ordered by use', () => {
    const consent = new ConsentTally(dayOfWithOffset(() => 0));
    consent.add([
      { contactId: 'a', type: 'confirmed', method: 'in_person', occurredAt: '2025-04-02T09:00:00.000Z' },
      { contactId: 'b', type: 'confirmed', method: 'web_widget', occurredAt: '2025-04-03T09:00:00.000Z' },
      { contactId: 'c', type: 'confirmed', method: 'web_widget', occurredAt: '2025-04-03T10:00:00.000Z' },
      { contactId: 'a', type: 'revoked', method: 'whatsapp_keyword', occurredAt: '2025-04-03T11:00:00.000Z' },
      // Outside the window: not in any series.
      { contactId: 'z', type: 'confirmed', method: 'import', occurredAt: '2025-03-01T09:00:00.000Z' },
    ]);
    const days = lastDays('2025-04-03', 3);
    const dashboard = buildDashboard({
      days,
      consent,
      messages: new Map([['2025-04-03', { sent: 4, delivered: 3, read: 2, failed: 1 }]]),
      chats: [
        { refCode: 'AAA', name: 'Window', days: [{ day: '2025-04-03', chats: 2 }, { day: '2025-01-01', chats: 9 }] },
        { refCode: 'BBB', name: 'Flyer', days: [{ day: '2025-04-02', chats: 5 }] },
        { refCode: 'CCC', name: 'Unused', days: [] },
      ],
    });
    expect(dashboard.today).toBe('2025-04-03');
    expect(dashboard.days).toEqual(['2025-04-01', '2025-04-02', '2025-04-03']);
    expect(dashboard.counts).toEqual({ optIns: 2, revocations: 1, chatsStarted: 2, sent: 4, delivered: 3, read: 2 });
    expect(dashboard.optInMethods).toEqual(['web_widget', 'in_person']);
    expect(dashboard.optIns.map((d) => d.total)).toEqual([0, 1, 2]);
    expect(dashboard.revocationMethods).toEqual(['whatsapp_keyword']);
    expect(dashboard.entryPoints).toEqual([
      { refCode: 'BBB', name: 'Flyer', total: 5 },
      { refCode: 'AAA', name: 'Window', total: 2 },
    ]);
    expect(dashboard.chats[1]).toEqual({ day: '2025-04-02', total: 5, by: { BBB: 5 } });
    expect(dashboard.messages[0]).toEqual({ day: '2025-04-01', sent: 0, delivered: 0, read: 0, failed: 0 });
  });
});
