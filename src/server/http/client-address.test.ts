import { describe, expect, it } from 'vitest';
import { clientAddressFrom } from './client-address';

describe('the client address behind trusted proxies', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressFrom({ socket: '198.51.100.7', forwardedFor: '203.0.113.9', trustedHops: 0 })).toBe(
      '198.51.100.7',
    );
  });

  it('is the address the one trusted proxy saw, not one the client wrote into the header', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    expect(
      clientAddressFrom({ socket: '10.0.0.2', forwardedFor: '1.2.3.4, 203.0.113.9', trustedHops: 1 }),
    ).toBe('203.0.113.9');
  });

  it('counts each trusted hop from the right, over several headers', () => {
    expect(
      clientAddressFrom({
        socket: '10.0.0.3',
        forwardedFor: ['6.6.6.6, 203.0.113.9', '10.0.0.2'],
        trustedHops: 2,
      }),
    ).toBe('203.0.113.9');
  });

  it('stops at the leftmost address when the header is shorter than the trusted chain', () => {
    expect(clientAddressFrom({ socket: '10.0.0.2', forwardedFor: undefined, trustedHops: 1 })).toBe(
      '10.0.0.2',
    );
    expect(clientAddressFrom({ socket: '10.0.0.3', forwardedFor: '203.0.113.9', trustedHops: 3 })).toBe(
      '203.0.113.9',
    );
  });

  it('ignores entries that are no address at all', () => {
    expect(
      clientAddressFrom({ socket: '10.0.0.2', forwardedFor: '203.0.113.9, <script>', trustedHops: 1 }),
    ).toBe('203.0.113.9');
  });

  it('is unknown for a request with neither socket nor a trusted header', () => {
    expect(clientAddressFrom({ socket: undefined, forwardedFor: '203.0.113.9', trustedHops: 0 })).toBe(
      undefined,
    );
  });
});
