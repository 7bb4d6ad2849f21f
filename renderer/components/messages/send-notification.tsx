import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import type { Message, SendCheckResult, TemplateView } from '../../../shared/contract/messages';
import { renderTemplate, slotKey, templateSlots, type SlotValues, type TemplateShape } from '../../../shared/domain/templates/render';
import { api } from '../../api';
import { useStore } from '../../store';
import { Field } from '../field';
import { focusField } from '../consent/focus-field';

const P = 'notify-';
const GREETING = /(hi|hello|hey|dear|hola|olá|oi|namaste|नमस्ते)[\s,]*$/i;

/** The catalogue's shape for the shared renderer (the view names parameter_format differently). */
export function toShape(t: TemplateView): TemplateShape {
  return { name: t.name, language: t.language, category: t.category, parameter_format: t.parameterFormat, components: t.components };
}

const keyOf = (t: TemplateView) => `${t.name}|${t.language}`;

const DATED = ['opted_out', 'user_stopped_marketing', 'pending'];
const UNDATED = ['opted_out', 'user_stopped_marketing', 'pending', 'bounced', 'no_consent', 'marketing_blocked_country', 'window_closed'];

/** The send policy's refusal in words ("Will not be sent: opted out on 3 May"); empty when it will be sent. */
export function willNotSendText(t: TFunction, locale: string, check: SendCheckResult | null): string {
  if (!check || check.ok) return '';
  if (check.since && DATED.includes(check.reason)) {
    const date = new Date(check.since).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
    return t(`messages.willNotSend.${check.reason}`, { date });
  }
  return UNDATED.includes(check.reason) ? t(`messages.willNotSend.undated.${check.reason}`) : t('messages.willNotSend.undated.other', { reason: check.reason });
}

/** Prefills a slot that plainly holds the customer's name: `{{first_name}}`, or `{{1}}` right after "Hi". */
function nameSlot(template: TemplateView): string | null {
  const slots = templateSlots(toShape(template));
  const first = slots.find((s) => s.component === 'body');
  if (!first) return null;
  if (/name/i.test(first.key)) return slotKey(first);
  const body = template.components.find((c) => c.type.toUpperCase() === 'BODY')?.text ?? '';
  const before = body.slice(0, body.indexOf(`{{${first.key}}}`));
  return GREETING.test(before) ? slotKey(first) : null;
}

/** "Send a notification": pick an approved template, fill one labelled input per placeholder, preview, send. */
export function SendNotification({
  contact,
  onSent,
  hideTitle = false,
}: {
  contact: { id: string; name: string };
  onSent(message: Message): void;
  /** Where a visible heading above already says "Send a notification". */
  hideTitle?: boolean;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const templates = useStore((s) => s.templates);
  const loaded = useStore((s) => s.templatesLoaded);
  const syncing = useStore((s) => s.templatesSyncing);
  const syncedAt = useStore((s) => s.templatesSyncedAt);
  const loadTemplates = useStore((s) => s.loadTemplates);
  const syncTemplates = useStore((s) => s.syncTemplates);
  const [choice, setChoice] = useState('');
  const [values, setValues] = useState<SlotValues>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);
  const [check, setCheck] = useState<{ key: string; result: SendCheckResult } | null>(null);
  const id = useId();

  useEffect(() => {
    if (!loaded) void loadTemplates();
  }, [loaded, loadTemplates]);

  const template = templates.find((tpl) => keyOf(tpl) === choice && tpl.status === 'APPROVED') ?? null;
  const slots = useMemo(() => (template ? templateSlots(toShape(template)) : []), [template]);
  const preview = template ? renderTemplate(toShape(template), values) : null;

  // Ask the send policy as soon as a template is chosen, so a refusal shows before Send (not "Queued" then "Not sent").
  useEffect(() => {
    if (!template) return;
    const key = `${contact.id}|${keyOf(template)}`;
    let current = true;
    void api.messages.check({ contactId: contact.id, kind: 'template', name: template.name, language: template.language }).then((r) => {
      if (current && r.ok) setCheck({ key, result: r.value });
    });
    return () => {
      current = false;
    };
  }, [contact.id, template]);
  const refusal = template && check?.key === `${contact.id}|${keyOf(template)}` ? willNotSendText(t, i18n.language, check.result) : '';

  function choose(key: string) {
    setChoice(key);
    setError(null);
    setStatus('');
    const next = templates.find((tpl) => keyOf(tpl) === key);
    const slot = next ? nameSlot(next) : null;
    setValues(slot && contact.name ? { [slot]: contact.name } : {});
  }

  async function sync() {
    setStatus(t('messages.send.syncing'));
    const problem = await syncTemplates();
    setError(problem);
    setStatus(problem ? '' : t('messages.send.synced'));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    if (!template) {
      setError({ code: 'invalid_argument', message: t('messages.send.chooseTemplate'), field: 'name' });
      return focusField('name', P);
    }
    setSending(true);
    setStatus('');
    const result = await api.messages.sendTemplate({ contactId: contact.id, name: template.name, language: template.language, values });
    setSending(false);
    if (!result.ok) {
      setError(result.error);
      return focusField(result.error.field, P);
    }
    setError(null);
    setStatus(t('messages.send.queued', { name: template.name }));
    setValues({});
    setChoice('');
    onSent(result.value);
  }

  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);
  const slotFields = new Set(slots.map((s) => `values.${slotKey(s)}`));
  const formError = error && error.field !== 'name' && !slotFields.has(error.field ?? '') ? error.message : '';
  const approved = templates.filter((tpl) => tpl.status === 'APPROVED');
  const others = templates.filter((tpl) => tpl.status !== 'APPROVED');
  const optionLabel = (tpl: TemplateView) =>
    t('messages.send.option', { name: tpl.name, language: tpl.language, category: t(`messages.category.${tpl.category}`, { defaultValue: tpl.category.toLowerCase() }) });

  return (
    <form className="form send-notification" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={hideTitle ? 'visually-hidden' : undefined}>{t('messages.send.title')}</h3>
      <div className="form-actions">
        <button type="button" onClick={() => void sync()} disabled={syncing} aria-busy={syncing}>
          {t('messages.send.sync')}
        </button>
        <span className="muted">
          {syncedAt ? t('messages.send.syncedAt', { when: new Date(syncedAt).toLocaleString(i18n.language) }) : t('messages.send.neverSynced')}
        </span>
      </div>
      <Field label={t('messages.send.template')} hint={approved.length === 0 ? t('messages.send.noTemplates') : undefined} error={errorFor('name')}>
        {({ id: fid, describedBy, invalid }) => (
          <select id={fid} data-field={`${P}name`} aria-describedby={describedBy} aria-invalid={invalid} value={choice} onChange={(e) => choose(e.target.value)}>
            <option value="">{t('messages.send.pick')}</option>
            {approved.map((tpl) => (
              <option key={keyOf(tpl)} value={keyOf(tpl)}>
                {optionLabel(tpl)}
              </option>
            ))}
            {others.length > 0 && (
              <optgroup label={t('messages.send.unavailable')}>
                {others.map((tpl) => (
                  <option key={keyOf(tpl)} value={keyOf(tpl)} disabled>
                    {t('messages.send.optionUnavailable', { option: optionLabel(tpl), status: tpl.status.toLowerCase() })}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        )}
      </Field>
      {slots.map((slot) => {
        const key = slotKey(slot);
        return (
          <Field
            key={key}
            label={t(slot.component === 'header' ? 'messages.send.headerValue' : 'messages.send.value', { key: slot.key })}
            error={errorFor(`values.${key}`)}
          >
            {({ id: fid, describedBy, invalid }) => (
              <input
                id={fid}
                data-field={`${P}values.${key}`}
                autoComplete="off"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={values[key] ?? ''}
                onChange={(e) => setValues({ ...values, [key]: e.target.value })}
              />
            )}
          </Field>
        );
      })}
      {preview && (
        <figure className="template-preview" aria-labelledby={`${id}-preview`}>
          <figcaption id={`${id}-preview`}>{t('messages.send.preview')}</figcaption>
          {preview.header && <p className="preview-header">{preview.header}</p>}
          <p className="preview-body">{preview.body}</p>
          {preview.footer && <p className="preview-footer">{preview.footer}</p>}
        </figure>
      )}
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {refusal && (
        <p id={`${id}-refusal`} className="connection-warning" role="status">
          {refusal}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={sending || refusal !== ''} aria-busy={sending} aria-describedby={refusal ? `${id}-refusal` : undefined}>
          {sending ? t('messages.send.sending') : t('messages.send.submit')}
        </button>
        <span role="status">{status}</span>
      </div>
    </form>
  );
}
