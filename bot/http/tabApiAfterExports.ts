/**
 * Files the organisers download from the tab: the summary as Markdown, CSVs (attendance, consent
 * with its chain head, sense-checks, actions, payments), the participant pack and the email-ready
 * text for people the bot cannot reach. POST with the sign-in token in the Authorization header,
 * never in an address, so no token or contact detail lands in a log or a browser's history; the
 * tab saves the answer through a Blob link. CSVs are made safe to open by core/csv.ts.
 */
import type { Response, Server } from 'restify';
import type { Session } from '../core/session';
import type { ServiceDeps } from '../services/deps';
import { actionsCsvFor, attendanceCsvFor, consentCsvFor, digestMarkdownFor, emailReadyText, participantPack, paymentsCsvFor, senseChecksCsvFor } from '../services/exports';
import type { TabApiDeps } from './tabApi';
import { exportBody, readBody } from './tabApiAfterBodies';
import type { TabGate } from './tabApiGate';
import { sendError } from './tabApiRequest';

type Options = { organiserContact?: string | undefined; joinLink?: string | undefined; signature?: string | undefined };

interface ExportFile {
  readonly name: string;
  readonly type: 'text/csv' | 'text/markdown' | 'text/plain';
  /** Undefined when there is nothing to export yet (a summary not approved). */
  make(deps: ServiceDeps, session: Session, options: Options): Promise<string | undefined>;
}

const trimmed = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

const EXPORTS: Readonly<Record<string, ExportFile>> = {
  summary: { name: 'summary.md', type: 'text/markdown', make: (d, s) => digestMarkdownFor(d, s) },
  attendance: { name: 'attendance.csv', type: 'text/csv', make: (d, s) => attendanceCsvFor(d, s) },
  consent: { name: 'consent-record.csv', type: 'text/csv', make: (d, s) => consentCsvFor(d, s) },
  'sense-checks': { name: 'sense-checks.csv', type: 'text/csv', make: (d, s) => senseChecksCsvFor(d, s) },
  actions: { name: 'actions.csv', type: 'text/csv', make: (d, s) => actionsCsvFor(d, s) },
  payments: { name: 'payments.csv', type: 'text/csv', make: (d, s) => paymentsCsvFor(d, s) },
  'participant-pack': {
    name: 'participant-pack.md',
    type: 'text/markdown',
    make: (d, s, o) => {
      const organiserContact = trimmed(o.organiserContact);
      const joinLink = trimmed(o.joinLink);
      return participantPack(d, s, { ...(organiserContact ? { organiserContact } : {}), ...(joinLink ? { joinLink } : {}) });
    },
  },
  email: {
    name: 'email.txt',
    type: 'text/plain',
    make: async (d, s, o) => {
      const email = await emailReadyText(d, s, trimmed(o.signature));
      return email ? `Subject: ${email.subject}\r\n\r\n${email.body}` : undefined;
    },
  },
};

const TEXT = {
  unknown: 'There is no such file.',
  badOptions: 'Send the contact details, the joining link and the signature as text, or nothing.',
  notYet: 'The summary has not been approved yet, so there is nothing to send. Approve it first.',
} as const;

function sendFile(res: Response, file: ExportFile, occurrence: string, body: string): void {
  // Spreadsheets read a CSV as UTF-8 (names with accents, £) only when it starts with the byte order mark.
  const content = file.type === 'text/csv' ? `\ufeff${body}` : body;
  res.setHeader('Content-Type', `${file.type}; charset=utf-8`);
  res.setHeader('Content-Disposition', `attachment; filename="coproduce-${occurrence.replace(/[^0-9-]/g, '')}-${file.name}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.sendRaw(200, content);
}

export function registerAfterExports(server: Server, deps: TabApiDeps, gate: TabGate): void {
  const { services } = deps;
  server.post('/api/tab/after/exports/:kind', gate.guarded(async (req, res) => {
    const found = await gate.facilitator(req, res);
    if (!found) return;
    const kind = String(req.params.kind ?? '');
    const file = Object.hasOwn(EXPORTS, kind) ? EXPORTS[kind] : undefined;
    if (!file) {
      sendError(res, 404, 'NotFound', TEXT.unknown);
      return;
    }
    const options = readBody(req, res, exportBody, TEXT.badOptions);
    if (!options) return;
    const session = found.session.session;
    const body = await file.make(services, session, options);
    if (body === undefined) {
      sendError(res, 409, 'NotApproved', TEXT.notYet);
      return;
    }
    services.logger.info({ export: kind }, 'export downloaded');
    sendFile(res, file, session.occurrence, body);
  }));
}
