import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../shared/contract/profile';

/*
 * The application menu. Without one Electron installs its default menu, which offers Reload and Developer Tools
 * (an escape from the kiosk, and a window into the shop's data); with none at all the Edit shortcuts (Ctrl/Cmd+C,
 * V, X, Z, A) stop working on macOS. So: our own, with the Edit roles, the counter shortcuts and Help.
 */

/** Where the menu's F2/F3 send the renderer (the same routes as renderer/use-shortcuts.ts). */
export type MenuRoute = 'counter' | 'contacts';

/** What the menu's own items do; injected so the template is testable without Electron. */
export interface MenuActions {
  navigate(route: MenuRoute): void;
  openDataFolder(): void;
  openLogsFolder(): void;
}

/** What decides the menu's shape. */
export interface MenuOptions {
  platform: NodeJS.Platform;
  locale: Locale;
  appName: string;
  /** Packaged builds get no Reload and no Developer Tools. */
  packaged: boolean;
  actions: MenuActions;
}

/** Every label the menu shows, in the four languages of the app. */
export const MENU_LABELS = {
  en: {
    file: 'File', edit: 'Edit', go: 'Go', view: 'View', window: 'Window', help: 'Help',
    undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All',
    counter: 'Counter', findContact: 'Find a Contact', dataFolder: 'Open Data Folder', logsFolder: 'Open Logs Folder',
    zoomIn: 'Zoom In', zoomOut: 'Zoom Out', resetZoom: 'Actual Size', reload: 'Reload', devTools: 'Developer Tools',
    minimize: 'Minimize', close: 'Close Window', quit: 'Quit', about: 'About', hide: 'Hide', hideOthers: 'Hide Others',
    unhide: 'Show All', services: 'Services',
  },
  es: {
    file: 'Archivo', edit: 'Edición', go: 'Ir', view: 'Ver', window: 'Ventana', help: 'Ayuda',
    undo: 'Deshacer', redo: 'Rehacer', cut: 'Cortar', copy: 'Copiar', paste: 'Pegar', selectAll: 'Seleccionar todo',
    counter: 'Mostrador', findContact: 'Buscar un contacto', dataFolder: 'Abrir la carpeta de datos',
    logsFolder: 'Abrir la carpeta de registros', zoomIn: 'Acercar', zoomOut: 'Alejar', resetZoom: 'Tamaño real',
    reload: 'Recargar', devTools: 'Herramientas de desarrollo', minimize: 'Minimizar', close: 'Cerrar ventana',
    quit: 'Salir', about: 'Acerca de', hide: 'Ocultar', hideOthers: 'Ocultar otros', unhide: 'Mostrar todo',
    services: 'Servicios',
  },
  pt: {
    file: 'Arquivo', edit: 'Editar', go: 'Ir', view: 'Ver', window: 'Janela', help: 'Ajuda',
    undo: 'Desfazer', redo: 'Refazer', cut: 'Recortar', copy: 'Copiar', paste: 'Colar', selectAll: 'Selecionar tudo',
    counter: 'Balcão', findContact: 'Procurar um contato', dataFolder: 'Abrir a pasta de dados',
    logsFolder: 'Abrir a pasta de registros', zoomIn: 'Aumentar', zoomOut: 'Diminuir', resetZoom: 'Tamanho real',
    reload: 'Recarregar', devTools: 'Ferramentas do desenvolvedor', minimize: 'Minimizar', close: 'Fechar janela',
    quit: 'Sair', about: 'Sobre', hide: 'Ocultar', hideOthers: 'Ocultar outros', unhide: 'Mostrar tudo',
    services: 'Serviços',
  },
  hi: {
    file: 'फ़ाइल', edit: 'संपादन', go: 'जाएँ', view: 'दृश्य', window: 'विंडो', help: 'सहायता',
    undo: 'पूर्ववत करें', redo: 'फिर से करें', cut: 'काटें', copy: 'कॉपी करें', paste: 'चिपकाएँ', selectAll: 'सब चुनें',
    counter: 'काउंटर', findContact: 'संपर्क खोजें', dataFolder: 'डेटा फ़ोल्डर खोलें', logsFolder: 'लॉग फ़ोल्डर खोलें',
    zoomIn: 'बड़ा करें', zoomOut: 'छोटा करें', resetZoom: 'असली आकार', reload: 'फिर से लोड करें',
    devTools: 'डेवलपर टूल', minimize: 'छोटा करके रखें', close: 'विंडो बंद करें', quit: 'बाहर निकलें',
    about: 'जानकारी', hide: 'छिपाएँ', hideOthers: 'बाकी छिपाएँ', unhide: 'सब दिखाएँ', services: 'सेवाएँ',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** The menu as Electron's template: pure, so the tests read exactly what a shop owner will see. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[options.locale];
  const mac = options.platform === 'darwin';
  const { actions } = options;
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about', label: `${t.about} ${options.appName}` },
        { type: 'separator' },
        { role: 'services', label: t.services },
        { type: 'separator' },
        { role: 'hide', label: `${t.hide} ${options.appName}` },
        { role: 'hideOthers', label: t.hideOthers },
        { role: 'unhide', label: t.unhide },
        { type: 'separator' },
        { role: 'quit', label: `${t.quit} ${options.appName}` },
      ],
    });
  } else {
    template.push({ label: t.file, submenu: [{ role: 'quit', label: t.quit }] });
  }
  template.push({
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  });
  template.push({
    label: t.go,
    submenu: [
      { label: t.counter, accelerator: 'F2', click: () => actions.navigate('counter') },
      { label: t.findContact, accelerator: 'F3', click: () => actions.navigate('contacts') },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: t.resetZoom },
    { role: 'zoomIn', label: t.zoomIn },
    { role: 'zoomOut', label: t.zoomOut },
  ];
  // Developers keep Reload and DevTools; a packaged build has neither (webPreferences.devTools is off there too).
  if (!options.packaged) view.push({ type: 'separator' }, { role: 'reload', label: t.reload }, { role: 'toggleDevTools', label: t.devTools });
  template.push({ label: t.view, submenu: view });
  template.push({
    label: t.window,
    submenu: [
      { role: 'minimize', label: t.minimize },
      { role: 'close', label: t.close },
    ],
  });
  template.push({
    label: t.help,
    role: 'help',
    submenu: [
      { label: t.dataFolder, click: () => actions.openDataFolder() },
      { label: t.logsFolder, click: () => actions.openLogsFolder() },
    ],
  });
  return template;
}

/** Installs the menu for every window (the kiosk window sets its own none). Call after `ready`. */
export function setupMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
