import type { RecoveryApi, RecoveryRequest, RecoveryView } from './contract';

/*
 * The recovery page: DOM only, bundled into dist/main/recovery/page.js. It shows what main decided (already in the
 * owner's language) and sends the chosen action back; no inline script or style, so the CSP can forbid both.
 */

declare global {
  interface Window {
    recovery?: RecoveryApi;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function render(root: HTMLElement, api: RecoveryApi, view: RecoveryView): void {
  document.documentElement.lang = view.lang;
  document.title = view.title;
  root.replaceChildren();
  root.append(element('h1', view.heading), element('p', view.message, 'message'));
  const status = element('p', '', 'status');
  status.setAttribute('role', 'status');
  const buttons: HTMLButtonElement[] = [];
  const run = async (request: RecoveryRequest) => {
    for (const button of buttons) button.disabled = true;
    status.className = 'status';
    status.textContent = view.working;
    const result = await api.act(request);
    for (const button of buttons) button.disabled = false;
    if (result.ok) {
      status.textContent = '';
    } else {
      status.className = 'status error';
      status.textContent = `${view.actionFailed} ${result.message}`;
    }
  };

  const actions = element('div', undefined, 'actions');
  for (const [index, action] of view.actions.entries()) {
    const button = element('button', action.label, index === 0 ? 'primary' : undefined);
    button.type = 'button';
    button.dataset.action = action.id;
    buttons.push(button);
    if (action.id === 'restore-backup') {
      button.addEventListener('click', () => showBackups(root, view, status, buttons, run));
    } else {
      const id = action.id;
      button.addEventListener('click', () => void run({ action: id } as RecoveryRequest));
    }
    actions.append(button);
  }
  root.append(actions, status);
  const details = element('details');
  details.append(element('summary', view.detailsLabel), element('pre', view.detail));
  root.append(details);
  buttons[0]?.focus();
}

function showBackups(
  root: HTMLElement,
  view: RecoveryView,
  status: HTMLElement,
  buttons: HTMLButtonElement[],
  run: (request: RecoveryRequest) => Promise<void>,
): void {
  if (root.querySelector('fieldset')) return;
  const fieldset = element('fieldset');
  fieldset.append(element('legend', view.chooseBackup));
  view.backups.forEach((backup, index) => {
    const label = element('label');
    const radio = element('input');
    radio.type = 'radio';
    radio.name = 'backup';
    radio.value = backup.path;
    radio.checked = index === 0;
    label.append(radio, ` ${backup.label}`);
    fieldset.append(label);
  });
  fieldset.append(element('p', view.restoreNote, 'note'));
  const confirm = element('button', view.actions.find((a) => a.id === 'restore-backup')?.label.replace(/…$/, '') ?? 'OK', 'primary');
  confirm.type = 'button';
  confirm.dataset.action = 'confirm-restore';
  buttons.push(confirm);
  confirm.addEventListener('click', () => {
    const chosen = fieldset.querySelector<HTMLInputElement>('input[name="backup"]:checked');
    if (chosen) void run({ action: 'restore-backup', backupPath: chosen.value });
  });
  fieldset.append(confirm);
  status.before(fieldset);
  fieldset.querySelector<HTMLInputElement>('input')?.focus();
}

async function start(): Promise<void> {
  const root = document.getElementById('recovery');
  const api = window.recovery;
  if (!root || !api) return;
  const view = await api.view();
  render(root, api, view);
}

void start();
