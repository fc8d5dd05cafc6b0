// Types for scripts/appManifest.js (a plain Node script, so `npm run package` needs no build step).

export type ManifestObject = Record<string, unknown>;

export type PackageResult =
  | { ok: true; zipPath: string; envName: string }
  | { ok: false; problems: string[] };

export declare const OPTIONAL_VARIABLES: ReadonlySet<string>;
export declare function parseEnvText(text: string): Record<string, string>;
export declare function envNameFromPath(envFile: string): string;
export declare function placeholderNames(template: unknown): string[];
export declare function fillPlaceholders(
  template: ManifestObject,
  values: Record<string, string>,
): { manifest: ManifestObject; missing: string[] };
export declare function checkDomain(values: Record<string, string>): string[];
export declare function validateAgainstBundledSchema(manifest: ManifestObject): Promise<string[]>;
export declare function checkIcons(appDir: string, manifest: ManifestObject): string[];
export declare function buildAppPackage(options: {
  appDir: string;
  envFile: string;
  outDir: string;
}): Promise<PackageResult>;
