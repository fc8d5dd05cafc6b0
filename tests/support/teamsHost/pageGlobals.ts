/**
 * The few browser APIs the tests read inside the tab's page (in page.evaluate callbacks), typed
 * here because the test program has Node's types and no DOM library. Use as
 * `const { document } = globalThis as unknown as PageGlobals;` inside the callback: only the type
 * is imported, so nothing outside the callback is needed in the page.
 */
export interface PageElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly innerText: string;
  readonly offsetParent: unknown;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly style: { zoom: string };
  readonly dataset: Readonly<Record<string, string | undefined>>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  closest(selector: string): PageElement | null;
  blur(): void;
}

export interface PageStyle {
  readonly outlineStyle: string;
  readonly borderTopStyle: string;
  readonly borderTopWidth: string;
  readonly backgroundColor: string;
}

export interface PageGlobals {
  readonly document: {
    readonly body: PageElement;
    readonly documentElement: PageElement;
    readonly activeElement: PageElement | null;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): Iterable<PageElement>;
  };
  getComputedStyle(element: PageElement, pseudo?: string): PageStyle;
}
