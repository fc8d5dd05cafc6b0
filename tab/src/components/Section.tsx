import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  nested: { marginTop: tokens.spacingVerticalL },
  headingLarge: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
});

/** A titled part of a page: an h2 the section is named by, for screen-reader navigation. */
interface Props {
  readonly title: string;
  readonly children: ReactNode;
  readonly level?: 2 | 3;
  /** Larger heading, for the meeting stage. */
  readonly large?: boolean;
}

export function Section({ title, children, level = 2, large = false }: Props) {
  const styles = useStyles();
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} className={mergeClasses(styles.section, level === 3 && styles.nested)}>
      <Heading id={id} className={mergeClasses(styles.heading, large && styles.headingLarge)}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
