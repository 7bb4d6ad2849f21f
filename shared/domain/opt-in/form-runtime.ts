/**
 * The opt-in form every opt-in snippet shows (inline widget, popup, in-app toggle), as plain ES5 source that a
 * snippet inlines inside its IIFE. It defines `odOptInStyle()` (adds the stylesheet once per page) and
 * `odOptInForm(cfg, uid, withPhone)` → `{ form, focus }`. The form has a phone field (optional), a checkbox per
 * offered purpose, the consent statement for exactly the ticked purposes (`cfg.statements[M|U|B]`), an agreement
 * checkbox and a submit button that opens `https://wa.me/<cfg.digits>?text=JOIN <cfg.code><M|U|B>`; nothing is
 * sent anywhere else. All owner text goes in through textContent, never parsed as HTML.
 */
export const OPTIN_FORM_RUNTIME = String.raw`
  function odOptInStyle() {
    if (document.getElementById('od-optin-style')) return;
    var style = document.createElement('style');
    style.id = 'od-optin-style';
    style.textContent = '.od-optin{box-sizing:border-box;max-width:420px;margin:16px 0;padding:20px;border:1px solid #c8c8c8;border-radius:12px;background:#ffffff;color:#1a1a1a;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;text-align:left}' +
      '.od-optin *,.od-optin-form *{box-sizing:border-box}' +
      '.od-optin-title{margin:0 0 8px;font-size:20px;font-weight:700;line-height:1.25;color:#1a1a1a}' +
      '.od-optin-form{margin:0;text-align:left;color:#1a1a1a}' +
      '.od-optin-form p{margin:0 0 10px}' +
      '.od-optin-label{display:block;margin:0 0 4px;font-weight:600}' +
      '.od-optin-input{display:block;width:100%;min-height:44px;padding:8px 10px;border:1px solid #6b6b6b;border-radius:8px;font:inherit;color:#1a1a1a;background:#ffffff}' +
      '.od-optin-hint{font-size:14px;color:#4a4a4a}' +
      '.od-optin-purposes{margin:0 0 10px;padding:0;border:0}' +
      '.od-optin-check{display:flex;align-items:flex-start;gap:8px;min-height:32px;margin:4px 0;cursor:pointer}' +
      '.od-optin-check input{width:20px;height:20px;margin:2px 0 0;flex:none}' +
      '.od-optin-statement{padding:10px 12px;border-left:4px solid #6b6b6b;background:#f4f4f4;white-space:pre-wrap}' +
      '.od-optin-error{color:#a50016;font-weight:600}' +
      '.od-optin-error:empty,.od-optin-note:empty{display:none}' +
      '.od-optin-submit,.od-optin-switch{display:inline-flex;align-items:center;justify-content:center;gap:8px;min-height:44px;padding:10px 20px;border:0;border-radius:999px;font:inherit;font-weight:600;cursor:pointer}' +
      '.od-optin-switch{border:2px solid #1a1a1a;background:#ffffff;color:#1a1a1a}' +
      '.od-optin-switch[aria-checked="true"] .od-optin-knob{background:#1a1a1a;text-align:right}' +
      '.od-optin-knob{display:inline-block;width:40px;height:22px;border:2px solid #1a1a1a;border-radius:999px;background:#ffffff;position:relative}' +
      '.od-optin-knob:after{content:"";position:absolute;top:2px;left:2px;width:14px;height:14px;border-radius:50%;background:#1a1a1a}' +
      '.od-optin-switch[aria-checked="true"] .od-optin-knob:after{left:20px;background:#ffffff}' +
      '.od-optin-form input:focus-visible,.od-optin-submit:focus-visible,.od-optin-switch:focus-visible{outline:3px solid #111111;outline-offset:2px;box-shadow:0 0 0 2px #ffffff}' +
      '@media print{.od-optin-submit{display:none}}';
    (document.head || document.body).appendChild(style);
  }

  function odOptInForm(cfg, uid, withPhone) {
    var L = cfg.labels;
    function el(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    }
    function check(id, text) {
      var label = el('label', 'od-optin-check');
      var input = el('input');
      input.type = 'checkbox';
      input.id = id;
      label.htmlFor = id;
      label.appendChild(input);
      label.appendChild(el('span', '', text));
      return { label: label, input: input };
    }
    var form = el('form', 'od-optin-form');
    form.noValidate = true;
    form.appendChild(el('p', 'od-optin-intro', L.intro));
    var phone = null;
    if (withPhone) {
      var phoneLabel = el('label', 'od-optin-label', L.phone);
      phoneLabel.htmlFor = uid + '-phone';
      phone = el('input', 'od-optin-input');
      phone.type = 'tel';
      phone.id = uid + '-phone';
      phone.name = 'phone';
      phone.autocomplete = 'tel';
      phone.required = true;
      phone.setAttribute('inputmode', 'tel');
      phone.setAttribute('aria-describedby', uid + '-phone-hint');
      var hint = el('p', 'od-optin-hint', L.phoneHint);
      hint.id = uid + '-phone-hint';
      form.appendChild(phoneLabel);
      form.appendChild(phone);
      form.appendChild(hint);
    }
    var set = el('fieldset', 'od-optin-purposes');
    set.appendChild(el('legend', 'od-optin-label', L.purposesLegend));
    var boxes = {};
    for (var i = 0; i < cfg.purposes.length; i++) {
      var p = cfg.purposes[i];
      var c = check(uid + '-' + p, L[p]);
      boxes[p] = c.input;
      set.appendChild(c.label);
    }
    form.appendChild(set);
    var statementTitle = el('p', 'od-optin-label', L.statementTitle);
    statementTitle.id = uid + '-statement-title';
    var statement = el('p', 'od-optin-statement', L.chooseFirst);
    statement.id = uid + '-statement';
    statement.setAttribute('aria-live', 'polite');
    form.appendChild(statementTitle);
    form.appendChild(statement);
    var agree = check(uid + '-agree', L.agree);
    agree.input.setAttribute('aria-describedby', statement.id);
    form.appendChild(agree.label);
    var error = el('p', 'od-optin-error');
    error.id = uid + '-error';
    error.setAttribute('role', 'alert');
    form.appendChild(error);
    var submit = el('button', 'od-optin-submit', L.submit);
    submit.type = 'submit';
    submit.style.background = cfg.bg;
    submit.style.color = cfg.fg;
    form.appendChild(submit);
    var note = el('p', 'od-optin-note');
    note.setAttribute('role', 'status');
    form.appendChild(note);

    function suffix() {
      var m = boxes.marketing && boxes.marketing.checked;
      var u = boxes.utility && boxes.utility.checked;
      return m && u ? 'B' : m ? 'M' : u ? 'U' : '';
    }
    function refresh() {
      var s = suffix();
      var text = s ? cfg.statements[s] : L.chooseFirst;
      // The agreement was to the text shown before: a different text must be agreed to again.
      if (statement.textContent !== text) agree.input.checked = false;
      statement.textContent = text;
    }
    for (var key in boxes) if (Object.prototype.hasOwnProperty.call(boxes, key)) boxes[key].addEventListener('change', refresh);

    function fail(message, field) {
      error.textContent = message;
      if (field) { field.setAttribute('aria-invalid', 'true'); field.focus(); }
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.textContent = '';
      note.textContent = '';
      var fields = form.querySelectorAll('[aria-invalid]');
      for (var j = 0; j < fields.length; j++) fields[j].removeAttribute('aria-invalid');
      if (phone && !/^\+?[1-9]\d{6,14}$/.test(phone.value.replace(/[\s().\-]/g, '').replace(/^00/, '+'))) return fail(L.errorPhone, phone);
      var s = suffix();
      if (!s) return fail(L.errorPurposes, boxes[cfg.purposes[0]]);
      if (!agree.input.checked) return fail(L.errorAgree, agree.input);
      var message = 'JOIN ' + cfg.code + s;
      var url = 'https://wa.me/' + cfg.digits + '?text=' + encodeURIComponent(message);
      var win = window.open(url, '_blank');
      if (win) { try { win.opener = null; } catch (e) { /* cross-origin already */ } }
      else window.location.href = url;
      note.textContent = L.sent.replace('{message}', message);
    });
    return {
      form: form,
      focus: function () { (phone || boxes[cfg.purposes[0]]).focus(); }
    };
  }
`;
