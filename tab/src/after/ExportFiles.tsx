/**
 * Files to download: the summary, the spreadsheets, the participant pack and the email-ready
 * text. Each is fetched with the sign-in token in a header and saved through a Blob link, so no
 * token or contact detail is ever part of an address.
 */
import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { Input } from '@fluentui/react-input';
import { useState } from 'react';
import type { AfterClient } from './afterClient';
import type { Outcome } from './afterTypes';
import { StatusLine } from '../components/StatusLine';
import { afterText } from './strings.en-GB';

const words = afterText.exports;
const FILES = ['summary', 'attendance', 'consent', 'sense-checks', 'actions', 'payments'] as const;

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '820px' },
  files: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '480px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  line: { margin: 0 },
});

export function ExportFiles({ client }: { readonly client: AfterClient }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [contact, setContact] = useState('');
  const [joinLink, setJoinLink] = useState('');
  const [signature, setSignature] = useState('');

  const download = async (kind: string, options: Record<string, string> = {}) => {
    setBusy(true);
    const answer = await client.download(kind, options);
    setBusy(false);
    setOutcome(answer.ok ? { ok: true, message: words.saved(answer.message) } : answer);
  };
  const given = (entries: Record<string, string>) => Object.fromEntries(Object.entries(entries).filter(([, value]) => value.trim() !== ''));

  return (
    <div className={styles.box} data-testid="exports">
      <p className={styles.line}>{words.explain}</p>
      <div className={styles.files}>
        {FILES.map((kind) => (
          <Button key={kind} disabledFocusable={busy} onClick={() => void download(kind)}>
            {words.files[kind]}
          </Button>
        ))}
      </div>
      <form className={styles.form} onSubmit={(e) => (e.preventDefault(), void download('participant-pack', given({ organiserContact: contact, joinLink })))}>
        <h3 className={styles.heading}>{words.pack}</h3>
        <p className={styles.line}>{words.packExplain}</p>
        <Field label={words.packContact}>
          <Input value={contact} onChange={(_, d) => setContact(d.value)} maxLength={300} />
        </Field>
        <Field label={words.packLink}>
          <Input type="url" value={joinLink} onChange={(_, d) => setJoinLink(d.value)} maxLength={2000} />
        </Field>
        <div>
          <Button type="submit" disabledFocusable={busy}>
            {words.packButton}
          </Button>
        </div>
      </form>
      <form className={styles.form} onSubmit={(e) => (e.preventDefault(), void download('email', given({ signature })))}>
        <h3 className={styles.heading}>{words.email}</h3>
        <p className={styles.line}>{words.emailExplain}</p>
        <Field label={words.signature}>
          <Input value={signature} onChange={(_, d) => setSignature(d.value)} maxLength={300} />
        </Field>
        <div>
          <Button type="submit" disabledFocusable={busy}>
            {words.emailButton}
          </Button>
        </div>
      </form>
      <StatusLine outcome={outcome} testId="export-status" />
    </div>
  );
}
