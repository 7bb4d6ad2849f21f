import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentEvent } from '../../../shared/domain/consent/event';

/** Every consent event, newest first: what happened, for which purpose, how, when, who, the words shown and the proof. */
export function EventTimeline({ events }: { events: ConsentEvent[] }): ReactNode {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  if (events.length === 0) return <p className="empty-state">{t('contacts.noEvents')}</p>;
  const newestFirst = [...events].reverse();
  return (
    <ol className="timeline" reversed>
      {newestFirst.map((e) => (
        <li key={e.id} className={`timeline-event type-${e.type}`}>
          <h3>
            {t(`contacts.eventType.${e.type}`)} — {t(`counter.purpose.${e.purpose}`)}
          </h3>
          <dl>
            <dt>{t('contacts.when')}</dt>
            <dd>
              <time dateTime={e.occurredAt}>{format.format(new Date(e.occurredAt))}</time>
              {e.recordedAt.slice(0, 19) !== e.occurredAt.slice(0, 19) && (
                <> ({t('contacts.recordedAt', { when: format.format(new Date(e.recordedAt)) })})</>
              )}
            </dd>
            <dt>{t('contacts.how')}</dt>
            <dd>
              {t(`contacts.method.${e.method}`)} — {e.source}
            </dd>
            <dt>{t('contacts.who')}</dt>
            <dd>{e.recordedBy}</dd>
            {e.textShown && (
              <>
                <dt>{t('contacts.textShown', { version: e.textVersion ?? '?' })}</dt>
                <dd>
                  <blockquote lang={e.locale}>{e.textShown}</blockquote>
                </dd>
              </>
            )}
            {Object.keys(e.evidence).length > 0 && (
              <>
                <dt>{t('contacts.evidence')}</dt>
                <dd>
                  <ul className="evidence">
                    {Object.entries(e.evidence).map(([key, value]) => (
                      <li key={key}>
                        {t(`contacts.evidenceField.${key}`, { defaultValue: key })}: {String(value)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
