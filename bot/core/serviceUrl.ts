/**
 * The bot hands its Bot Connector token to whatever serviceUrl it sends to, so a poisoned URL
 * would leak it. Only Teams' exact hosts over https pass; loopback only in local mode (the Agents
 * Playground and the tests' fake connector). Checked on arrival and again before every send.
 */
export interface ServiceUrlPolicy {
  readonly hosts: readonly string[];
  readonly allowLoopback: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isAllowedServiceUrl(serviceUrl: string | undefined, policy: ServiceUrlPolicy): boolean {
  if (!serviceUrl) return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'https:' && !url.port && policy.hosts.includes(host)) return true;
  return policy.allowLoopback && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(host);
}
