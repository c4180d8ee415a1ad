import { createHash, randomBytes } from 'node:crypto';

/**
 * A secret for a cookie, an e-mailed link or an API token: 256 random bits. Only its hash is
 * stored, so a leaked table opens nothing.
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
