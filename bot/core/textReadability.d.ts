/** text-readability ships JavaScript only; this is the one function the core uses. */
declare module 'text-readability' {
  interface Readability {
    /** Flesch reading ease: about 60-70 is plain English, below 50 is hard going. */
    fleschReadingEase(text: string): number;
  }
  const readability: Readability;
  export default readability;
}
