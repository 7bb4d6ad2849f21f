import type { Locale } from '../../shared/contract/profile';
import type { RecoveryAction, StartupFailureKind } from './decide';

/*
 * The words of the recovery window and of the start-up notice about unreadable secrets, in the app's four
 * languages. They live in main because they show when the renderer and its i18n could not start.
 */

/** Everything the recovery window and the secrets notice say. */
export interface RecoveryTexts {
  windowTitle: string;
  heading: string;
  kinds: Record<StartupFailureKind, string>;
  actions: Record<RecoveryAction, string>;
  details: string;
  chooseBackup: string;
  restoreNote: string;
  backupKinds: { auto: string; manual: string; other: string };
  working: string;
  actionFailed: string;
  secretsNotice: { title: string; message: string; detail: string; ok: string; openSettings: string };
  secretNames: Record<string, string>;
}

const en: RecoveryTexts = {
  windowTitle: 'Outreach Desk could not start',
  heading: 'Outreach Desk could not start',
  kinds: {
    'in-use': 'Outreach Desk seems to be open already, or another program is using its data folder. Close the other window (or wait a moment) and try again.',
    'no-access': 'Outreach Desk is not allowed to read or write its data folder. Check that the folder exists, that the disk is not read-only, and that your computer account may change it.',
    'disk-full': 'The disk is full, so Outreach Desk cannot save anything. Free some space and try again.',
    damaged: 'Some of the saved data is damaged and cannot be read. Restore the most recent backup that works; your backups are not changed by this.',
    'too-new': 'The saved data was written by a newer version of Outreach Desk. Install the newer version, or restore a backup made with this one.',
    'restore-failed': 'The backup chosen last time could not be restored. Choose another backup, or look at the data folder.',
    secrets: 'The file with your saved passwords and access tokens is damaged. Set it aside: the app will then start and ask you to enter them again.',
    unknown: 'Something unexpected stopped Outreach Desk from starting. Try again; if it happens again, restore a backup or send the details below to your support contact.',
  },
  actions: {
    retry: 'Try again',
    'open-data-folder': 'Open the data folder',
    'restore-backup': 'Restore a backup…',
    're-enter-secrets': 'Set the passwords aside and enter them again',
    quit: 'Quit',
  },
  details: 'Details',
  chooseBackup: 'Choose the backup to restore',
  restoreNote: 'The app restarts and restores it before opening anything. Your current data is kept in a folder beside it.',
  backupKinds: { auto: 'daily', manual: 'made by hand', other: 'backup' },
  working: 'One moment…',
  actionFailed: 'That did not work:',
  secretsNotice: {
    title: 'Enter your passwords again',
    message: 'Some saved passwords could not be read on this computer account.',
    detail: 'This happens after a keychain reset, or when the data comes from another computer. Enter these again in Settings: {{names}}.',
    ok: 'OK',
    openSettings: 'Open Settings',
  },
  secretNames: {
    'cloud.accessToken': 'WhatsApp access token',
    'cloud.appSecret': 'WhatsApp app secret',
    'cloud.verifyToken': 'WhatsApp webhook verify token',
    'twilio.authToken': 'Twilio auth token',
    'smtp.password': 'email (SMTP) password',
  },
};

const es: RecoveryTexts = {
  windowTitle: 'Outreach Desk no pudo iniciarse',
  heading: 'Outreach Desk no pudo iniciarse',
  kinds: {
    'in-use': 'Parece que Outreach Desk ya está abierto, o que otro programa está usando su carpeta de datos. Cierra la otra ventana (o espera un momento) y vuelve a intentarlo.',
    'no-access': 'Outreach Desk no tiene permiso para leer o escribir en su carpeta de datos. Comprueba que la carpeta existe, que el disco no es de solo lectura y que tu cuenta del equipo puede modificarla.',
    'disk-full': 'El disco está lleno y Outreach Desk no puede guardar nada. Libera espacio y vuelve a intentarlo.',
    damaged: 'Parte de los datos guardados está dañada y no se puede leer. Restaura la copia de seguridad más reciente que funcione; tus copias no cambian por ello.',
    'too-new': 'Los datos guardados son de una versión más nueva de Outreach Desk. Instala esa versión o restaura una copia hecha con esta.',
    'restore-failed': 'No se pudo restaurar la copia elegida la última vez. Elige otra copia o revisa la carpeta de datos.',
    secrets: 'El archivo con tus contraseñas y tokens de acceso guardados está dañado. Apártalo: la aplicación se iniciará y te pedirá que los escribas de nuevo.',
    unknown: 'Algo inesperado impidió que Outreach Desk se iniciara. Vuelve a intentarlo; si se repite, restaura una copia o envía los detalles de abajo a tu contacto de soporte.',
  },
  actions: {
    retry: 'Volver a intentarlo',
    'open-data-folder': 'Abrir la carpeta de datos',
    'restore-backup': 'Restaurar una copia…',
    're-enter-secrets': 'Apartar las contraseñas y escribirlas de nuevo',
    quit: 'Salir',
  },
  details: 'Detalles',
  chooseBackup: 'Elige la copia que quieres restaurar',
  restoreNote: 'La aplicación se reinicia y la restaura antes de abrir nada. Tus datos actuales se guardan en una carpeta al lado.',
  backupKinds: { auto: 'diaria', manual: 'hecha a mano', other: 'copia' },
  working: 'Un momento…',
  actionFailed: 'No funcionó:',
  secretsNotice: {
    title: 'Escribe de nuevo tus contraseñas',
    message: 'Algunas contraseñas guardadas no se pudieron leer en esta cuenta del equipo.',
    detail: 'Ocurre tras restablecer el llavero o cuando los datos vienen de otro equipo. Escríbelas de nuevo en Ajustes: {{names}}.',
    ok: 'Aceptar',
    openSettings: 'Abrir Ajustes',
  },
  secretNames: {
    'cloud.accessToken': 'token de acceso de WhatsApp',
    'cloud.appSecret': 'clave secreta de la app de WhatsApp',
    'cloud.verifyToken': 'token de verificación del webhook de WhatsApp',
    'twilio.authToken': 'token de autenticación de Twilio',
    'smtp.password': 'contraseña del correo (SMTP)',
  },
};

const pt: RecoveryTexts = {
  windowTitle: 'O Outreach Desk não conseguiu iniciar',
  heading: 'O Outreach Desk não conseguiu iniciar',
  kinds: {
    'in-use': 'Parece que o Outreach Desk já está aberto, ou que outro programa está usando a pasta de dados. Feche a outra janela (ou espere um momento) e tente novamente.',
    'no-access': 'O Outreach Desk não tem permissão para ler ou gravar na pasta de dados. Verifique se a pasta existe, se o disco não é somente leitura e se a sua conta do computador pode alterá-la.',
    'disk-full': 'O disco está cheio, e o Outreach Desk não consegue salvar nada. Libere espaço e tente novamente.',
    damaged: 'Parte dos dados salvos está danificada e não pode ser lida. Restaure o backup mais recente que funcione; os seus backups não mudam com isso.',
    'too-new': 'Os dados salvos são de uma versão mais nova do Outreach Desk. Instale essa versão ou restaure um backup feito com esta.',
    'restore-failed': 'Não foi possível restaurar o backup escolhido da última vez. Escolha outro backup ou verifique a pasta de dados.',
    secrets: 'O arquivo com as suas senhas e tokens de acesso salvos está danificado. Deixe-o de lado: o aplicativo vai iniciar e pedir que você os digite novamente.',
    unknown: 'Algo inesperado impediu o Outreach Desk de iniciar. Tente novamente; se acontecer de novo, restaure um backup ou envie os detalhes abaixo ao seu suporte.',
  },
  actions: {
    retry: 'Tentar novamente',
    'open-data-folder': 'Abrir a pasta de dados',
    'restore-backup': 'Restaurar um backup…',
    're-enter-secrets': 'Deixar as senhas de lado e digitá-las novamente',
    quit: 'Sair',
  },
  details: 'Detalhes',
  chooseBackup: 'Escolha o backup a restaurar',
  restoreNote: 'O aplicativo reinicia e o restaura antes de abrir qualquer coisa. Os seus dados atuais ficam guardados numa pasta ao lado.',
  backupKinds: { auto: 'diário', manual: 'feito à mão', other: 'backup' },
  working: 'Um momento…',
  actionFailed: 'Não funcionou:',
  secretsNotice: {
    title: 'Digite as suas senhas novamente',
    message: 'Algumas senhas salvas não puderam ser lidas nesta conta do computador.',
    detail: 'Isso acontece depois de redefinir o chaveiro ou quando os dados vêm de outro computador. Digite-as novamente em Configurações: {{names}}.',
    ok: 'OK',
    openSettings: 'Abrir Configurações',
  },
  secretNames: {
    'cloud.accessToken': 'token de acesso do WhatsApp',
    'cloud.appSecret': 'chave secreta do app do WhatsApp',
    'cloud.verifyToken': 'token de verificação do webhook do WhatsApp',
    'twilio.authToken': 'token de autenticação do Twilio',
    'smtp.password': 'senha do e-mail (SMTP)',
  },
};

const hi: RecoveryTexts = {
  windowTitle: 'Outreach Desk शुरू नहीं हो सका',
  heading: 'Outreach Desk शुरू नहीं हो सका',
  kinds: {
    'in-use': 'लगता है Outreach Desk पहले से खुला है, या कोई दूसरा प्रोग्राम उसका डेटा फ़ोल्डर इस्तेमाल कर रहा है। दूसरी विंडो बंद करें (या थोड़ा रुकें) और फिर से कोशिश करें।',
    'no-access': 'Outreach Desk को अपना डेटा फ़ोल्डर पढ़ने या उसमें लिखने की अनुमति नहीं है। देखें कि फ़ोल्डर मौजूद है, डिस्क केवल-पढ़ने वाली नहीं है, और आपका कंप्यूटर खाता उसे बदल सकता है।',
    'disk-full': 'डिस्क भर गई है, इसलिए Outreach Desk कुछ भी सेव नहीं कर सकता। थोड़ी जगह खाली करें और फिर से कोशिश करें।',
    damaged: 'सेव किया गया कुछ डेटा खराब हो गया है और पढ़ा नहीं जा सकता। सबसे नया ठीक बैकअप रीस्टोर करें; इससे आपके बैकअप नहीं बदलते।',
    'too-new': 'सेव किया गया डेटा Outreach Desk के नए संस्करण का है। वह नया संस्करण इंस्टॉल करें, या इस संस्करण से बना बैकअप रीस्टोर करें।',
    'restore-failed': 'पिछली बार चुना गया बैकअप रीस्टोर नहीं हो सका। कोई दूसरा बैकअप चुनें, या डेटा फ़ोल्डर देखें।',
    secrets: 'आपके सेव किए गए पासवर्ड और एक्सेस टोकन वाली फ़ाइल खराब हो गई है। उसे अलग रख दें: ऐप शुरू होगा और आपसे उन्हें फिर से डालने को कहेगा।',
    unknown: 'किसी अनचाही गड़बड़ी ने Outreach Desk को शुरू होने से रोक दिया। फिर से कोशिश करें; अगर फिर से हो, तो बैकअप रीस्टोर करें या नीचे का विवरण अपने सपोर्ट संपर्क को भेजें।',
  },
  actions: {
    retry: 'फिर से कोशिश करें',
    'open-data-folder': 'डेटा फ़ोल्डर खोलें',
    'restore-backup': 'बैकअप रीस्टोर करें…',
    're-enter-secrets': 'पासवर्ड अलग रखें और फिर से डालें',
    quit: 'बाहर निकलें',
  },
  details: 'विवरण',
  chooseBackup: 'रीस्टोर करने के लिए बैकअप चुनें',
  restoreNote: 'ऐप फिर से शुरू होगा और कुछ भी खोलने से पहले उसे रीस्टोर करेगा। आपका मौजूदा डेटा बगल के एक फ़ोल्डर में रखा रहेगा।',
  backupKinds: { auto: 'रोज़ का', manual: 'हाथ से बनाया', other: 'बैकअप' },
  working: 'एक पल…',
  actionFailed: 'यह नहीं हो सका:',
  secretsNotice: {
    title: 'अपने पासवर्ड फिर से डालें',
    message: 'सेव किए गए कुछ पासवर्ड इस कंप्यूटर खाते पर पढ़े नहीं जा सके।',
    detail: 'ऐसा कीचेन रीसेट होने के बाद, या डेटा किसी दूसरे कंप्यूटर से आने पर होता है। इन्हें सेटिंग्स में फिर से डालें: {{names}}।',
    ok: 'ठीक है',
    openSettings: 'सेटिंग्स खोलें',
  },
  secretNames: {
    'cloud.accessToken': 'WhatsApp एक्सेस टोकन',
    'cloud.appSecret': 'WhatsApp ऐप सीक्रेट',
    'cloud.verifyToken': 'WhatsApp वेबहुक वेरिफ़ाई टोकन',
    'twilio.authToken': 'Twilio ऑथ टोकन',
    'smtp.password': 'ईमेल (SMTP) पासवर्ड',
  },
};

/** The texts of every language. */
export const RECOVERY_TEXTS: Record<Locale, RecoveryTexts> = { en, es, pt, hi };

/** The notice shown after a start with secrets that could not be read: what to enter again, in plain words. */
export function unreadableSecretsNotice(locale: Locale, names: readonly string[]): { title: string; message: string; detail: string } {
  const t = RECOVERY_TEXTS[locale];
  const readable = names.map((name) => t.secretNames[name] ?? name).join(', ');
  return { title: t.secretsNotice.title, message: t.secretsNotice.message, detail: t.secretsNotice.detail.replace('{{names}}', readable) };
}
