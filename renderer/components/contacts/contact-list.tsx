import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { contactAt } from '../../store/contacts-slice';
import { ConsentBadges } from './consent-badges';
import { contactHash } from './contact-route';

const ROW_HEIGHT = 60;

/**
 * The contact list as a listbox: only the visible rows exist in the DOM (smooth at 100,000), pages are fetched
 * as they scroll into view; arrows, Page Up/Down, Home/End move, Enter opens the contact.
 */
export function ContactList({ total }: { total: number }): ReactNode {
  const { t } = useTranslation();
  const pages = useStore((s) => s.contactPages);
  const active = useStore((s) => s.contactsActiveIndex);
  const setActive = useStore((s) => s.setContactsActiveIndex);
  const ensureRows = useStore((s) => s.ensureContactRows);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The documented TanStack hook; the compiler just skips memoising this component, which re-renders on scroll anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureRows(first, last);
  }, [first, last, ensureRows, pages]);

  // Coming back from a contact page: show the row the user left from.
  useEffect(() => {
    if (active > 0) virtualizer.scrollToIndex(active, { align: 'center' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on mount
  }, []);

  const open = (index: number) => {
    const contact = contactAt(pages, index);
    if (contact) window.location.hash = contactHash(contact.id);
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    let next: number | null = null;
    if (event.key in moves) next = active + (moves[event.key] ?? 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = total - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(active);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    next = Math.max(0, Math.min(total - 1, next));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  return (
    <div
      ref={scrollRef}
      className="contact-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('contacts.listLabel', { count: total })}
      aria-activedescendant={total > 0 ? `contact-row-${active}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const contact = contactAt(pages, item.index);
          return (
            <div
              key={item.key}
              id={`contact-row-${item.index}`}
              role="option"
              aria-selected={item.index === active}
              aria-setsize={total}
              aria-posinset={item.index + 1}
              className={item.index === active ? 'contact-row active' : 'contact-row'}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              onClick={() => {
                setActive(item.index);
                open(item.index);
              }}
            >
              {contact ? (
                <>
                  <span className="contact-name">{contact.name || t('contacts.noName')}</span>
                  <span className="contact-phone">{contact.phoneDisplay}</span>
                  <ConsentBadges contact={contact} />
                  {contact.tags.length > 0 && <span className="contact-tags">{contact.tags.join(', ')}</span>}
                </>
              ) : (
                <span className="muted">{t('contacts.loadingRow')}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
