import { isIP } from 'node:net';

/**
 * The address of the client, for throttling sign-ins. Behind proxies the socket is the nearest
 * proxy, and each proxy appends the address it saw to `X-Forwarded-For`. Only the last
 * `trustedHops` entries (the socket counting as the first) were written by proxies we run; anything
 * left of them the client may have written itself. So the client is the address `trustedHops` steps
 * from the right, and with no trusted proxy the header is ignored (`TRUST_PROXY`, README).
 */
export function clientAddressFrom(input: {
  socket: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedHops: number;
}): string | undefined {
  const { socket, forwardedFor, trustedHops } = input;
  if (trustedHops <= 0) return socket;
  const headers = Array.isArray(forwardedFor) ? forwardedFor : forwardedFor ? [forwardedFor] : [];
  const forwarded = headers
    .flatMap((header) => header.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => isIP(entry) !== 0);
  const chain = socket ? [...forwarded, socket] : forwarded;
  if (chain.length === 0) return undefined;
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}
