import nodemailer from 'nodemailer';
import { AppError } from '../app-error';

/** An SMTP account; the password comes from the vault at call time. */
export interface SmtpConfig {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The From address, e.g. "Café Sol <hola@cafesol.es>". */
  from: string;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  /** Only for tests against a loopback server with a self-signed certificate. */
  allowSelfSigned?: boolean;
}

/** Sends one plain-text email through nodemailer; resolves with the Message-ID. */
export async function sendMail(config: SmtpConfig, mail: { to: string; subject: string; text: string }): Promise<{ messageId: string }> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure ?? config.port === 465,
    ...(config.user ? { auth: { user: config.user, pass: config.password } } : {}),
    ...(config.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  });
  try {
    const info = await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
    return { messageId: info.messageId };
  } catch (error) {
    const code = (error as { code?: string; responseCode?: number }).code;
    if (code === 'EAUTH') throw new AppError('email_auth', 'The mail server refused the user name or password. Enter them again in Settings.');
    if (code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || code === 'EDNS') {
      throw new AppError('email_unreachable', `Could not reach the mail server ${config.host}:${config.port}. Check the SMTP settings.`);
    }
    throw new AppError('email_failed', `The mail server did not accept the email: ${(error as Error).message}`);
  } finally {
    transport.close();
  }
}
