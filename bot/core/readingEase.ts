/**
 * Flesch reading ease, behind one small function so the checker does not depend on the shape of
 * the library. text-readability is pure text arithmetic (no I/O), so the core may use it.
 */
import readability from 'text-readability';

/** Higher is easier: 60-70 is plain English, below 50 most people find hard going. */
export function fleschReadingEase(text: string): number {
  return readability.fleschReadingEase(text);
}
