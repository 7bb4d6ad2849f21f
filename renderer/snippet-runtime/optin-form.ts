import type { OptInConfig, OptInPurpose } from '../../shared/domain/snippet-runtime-config';
import { el, openUrl, waUrl } from './dom';

/** The opt-in form's stylesheet (inside each widget's shadow root). */
export const OPTIN_CSS =
  '.od-optin{box-sizing:border-box;max-width:420px;margin:16px 0;padding:20px;border:1px solid #c8c8c8;border-radius:12px;background:#ffffff;color:#1a1a1a;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;text-align:left}' +
  '*{box-sizing:border-box}' +
  '[hidden]{display:none!important}' +
  '.od-optin-title{margin:0 0 8px;font-size:20px;font-weight:700;line-height:1.25;color:#1a1a1a}' +
  '.od-optin-form{margin:0;text-align:left;color:#1a1a1a}' +
  '.od-optin-form p{margin:0 0 10px}' +
  '.od-optin-label{display:block;margin:0 0 4px;font-weight:600;color:#1a1a1a}' +
  '.od-optin-purposes{margin:0 0 10px;padding:0;border:0}' +
  '.od-optin-check{display:flex;align-items:flex-start;gap:8px;min-height:32px;margin:4px 0;cursor:pointer;color:#1a1a1a}' +
  '.od-optin-check input{width:20px;height:20px;margin:2px 0 0;flex:none}' +
  '.od-optin-statement{padding:10px 12px;border-left:4px solid #6b6b6b;background:#f4f4f4;color:#1a1a1a;white-space:pre-wrap}' +
  '.od-optin-error{color:#a50016;font-weight:600}' +
  '.od-optin-error:empty,.od-optin-note:empty{display:none}' +
  '.od-optin-submit,.od-optin-switch{display:inline-flex;align-items:center;justify-content:center;gap:8px;min-height:44px;padding:10px 20px;border:0;border-radius:999px;font:inherit;font-weight:600;cursor:pointer}' +
  '.od-optin-switch{border:2px solid #1a1a1a;background:#ffffff;color:#1a1a1a}' +
  '.od-optin-switch[aria-checked="true"] .od-optin-knob{background:#1a1a1a}' +
  '.od-optin-knob{display:inline-block;width:40px;height:22px;border:2px solid #1a1a1a;border-radius:999px;background:#ffffff;position:relative}' +
  '.od-optin-knob:after{content:"";position:absolute;top:2px;left:2px;width:14px;height:14px;border-radius:50%;background:#1a1a1a}' +
  '.od-optin-switch[aria-checked="true"] .od-optin-knob:after{left:20px;background:#ffffff}' +
  'input:focus-visible,button:focus-visible{outline:3px solid #111111;outline-offset:2px;box-shadow:0 0 0 2px #ffffff}' +
  '@media print{.od-optin-submit{display:none}}';

/** The purpose letter of what is ticked: B for both, M, U, or '' for nothing. */
export function purposeLetter(marketing: boolean, utility: boolean): '' | 'M' | 'U' | 'B' {
  return marketing && utility ? 'B' : marketing ? 'M' : utility ? 'U' : '';
}

/**
 * The opt-in form: a checkbox per offered purpose, the consent statement for exactly what is ticked, an agreement
 * box and a button that opens `https://wa.me/<digits>?text=JOIN <code><M|U|B>`. No phone field: the WhatsApp message
 * itself tells the shop the number, verified by WhatsApp, so asking for it here would collect data nobody uses.
 */
export function optInForm(cfg: OptInConfig, uid: string): { form: HTMLFormElement; focus(): void } {
  const L = cfg.labels;
  function check(id: string, text: string): { label: HTMLLabelElement; input: HTMLInputElement } {
    const label = el('label', 'od-optin-check');
    const input = el('input');
    input.type = 'checkbox';
    input.id = id;
    label.htmlFor = id;
    label.append(input, el('span', '', text));
    return { label, input };
  }
  const form = el('form', 'od-optin-form');
  form.noValidate = true;
  form.appendChild(el('p', 'od-optin-intro', L.intro));
  const set = el('fieldset', 'od-optin-purposes');
  set.appendChild(el('legend', 'od-optin-label', L.purposesLegend));
  const boxes: Partial<Record<OptInPurpose, HTMLInputElement>> = {};
  for (const p of cfg.purposes) {
    const c = check(`${uid}-${p}`, L[p]);
    boxes[p] = c.input;
    set.appendChild(c.label);
  }
  form.appendChild(set);
  const statementTitle = el('p', 'od-optin-label', L.statementTitle);
  statementTitle.id = `${uid}-statement-title`;
  const statement = el('p', 'od-optin-statement', L.chooseFirst);
  statement.id = `${uid}-statement`;
  statement.setAttribute('aria-live', 'polite');
  form.append(statementTitle, statement);
  const agree = check(`${uid}-agree`, L.agree);
  agree.input.setAttribute('aria-describedby', statement.id);
  form.appendChild(agree.label);
  const error = el('p', 'od-optin-error');
  error.id = `${uid}-error`;
  error.setAttribute('role', 'alert');
  form.appendChild(error);
  const submit = el('button', 'od-optin-submit', L.submit);
  submit.type = 'submit';
  submit.style.background = cfg.bg;
  submit.style.color = cfg.fg;
  form.appendChild(submit);
  const note = el('p', 'od-optin-note');
  note.setAttribute('role', 'status');
  note.dir = 'auto';
  form.appendChild(note);

  const letter = (): '' | 'M' | 'U' | 'B' => purposeLetter(!!boxes.marketing?.checked, !!boxes.utility?.checked);
  function refresh(): void {
    const s = letter();
    const text = (s && cfg.statements[s]) || L.chooseFirst;
    // The agreement was to the text shown before: a different text must be agreed to again.
    if (statement.textContent !== text) agree.input.checked = false;
    statement.textContent = text;
  }
  for (const box of Object.values(boxes)) box.addEventListener('change', refresh);

  function fail(message: string, field: HTMLElement | undefined): void {
    error.textContent = message;
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    note.textContent = '';
    for (const field of Array.from(form.querySelectorAll('[aria-invalid]'))) field.removeAttribute('aria-invalid');
    const s = letter();
    if (!s) return fail(L.errorPurposes, boxes[cfg.purposes[0]!]);
    if (!agree.input.checked) return fail(L.errorAgree, agree.input);
    const message = `JOIN ${cfg.code}${s}`;
    openUrl(waUrl(cfg.digits, message));
    note.textContent = L.sent.replace('{message}', message);
  });
  return { form, focus: () => boxes[cfg.purposes[0]!]?.focus() };
}
