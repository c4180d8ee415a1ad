import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type { listMailRoute } from '../mail.routes';

export const listMail = endpoint<typeof listMailRoute>('get', '/api/mail');

export type MailPage = AnswerOf<typeof listMail>;
