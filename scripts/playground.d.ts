import type { ChildProcess } from 'node:child_process';

export const DEFAULT_PORT: number;
export const CONFIG_PATH: string;
export const root: string;
export function startPlayground(options: { botEndpoint: string; port?: number; logFile?: string; stdio?: 'ignore' | 'inherit' }): {
  child: ChildProcess;
  url: string;
};
export function waitFor(url: string, options?: { timeoutMs?: number; ok?: (r: Response) => boolean }): Promise<boolean>;
