import nodemailer from 'nodemailer';
import type { MailTransport } from './mail.service';

/** A transport to the SMTP server in `SMTP_URL` (smtp:// or smtps://, credentials in the URL). */
export function smtpTransport(url: string, from: string): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail({ from, ...message });
    },
    close: () => transporter.close(),
  };
}
