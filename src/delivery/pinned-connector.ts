import type { LookupAddress } from 'node:dns';
import { isIP, type Socket } from 'node:net';
import { buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy.js';

/** A connection that reached, or would reach, a non-public address. */
export class AddressRefusedError extends Error {
  override readonly name = 'AddressRefusedError';
}

export interface PinnedConnectorOptions {
  /** Which addresses the connected socket may have. */
  isAllowed: AddressPolicy;
  /** Connect timeout in milliseconds. */
  timeoutMs: number;
}

type LookupCallback = (
  error: Error | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `net.connect` lookup that answers with addresses checked beforehand
 * instead of asking DNS again, so a name cannot resolve to a public
 * address for the check and to a private one for the connection (DNS
 * rebinding).
 */
function lookupPinned(addresses: readonly string[]) {
  const answers = addresses.map((address) => ({
    address,
    family: isIP(address),
  }));
  return (
    _hostname: string,
    options: { all?: boolean },
    callback: LookupCallback,
  ): void => {
    const first = answers[0];
    if (first === undefined) {
      callback(new AddressRefusedError('No checked address to use.'), '');
      return;
    }
    if (options.all === true) callback(null, answers);
    else callback(null, first.address, first.family);
  };
}

function isAllowedPeer(socket: Socket, isAllowed: AddressPolicy): boolean {
  const peer = socket.remoteAddress;
  return peer !== undefined && isAllowed(peer);
}

/**
 * An undici connector that only connects to `addresses` and then checks
 * the address the socket is actually connected to, which also covers
 * literal IP hosts, where no lookup happens at all.
 */
export function createPinnedConnector(
  addresses: readonly string[],
  options: PinnedConnectorOptions,
): buildConnector.connector {
  const connect = buildConnector({
    lookup: lookupPinned(addresses),
    timeout: options.timeoutMs,
  });

  return (connectOptions, callback) => {
    connect(connectOptions, (error, socket) => {
      if (error !== null) return callback(error, null);
      if (isAllowedPeer(socket, options.isAllowed))
        return callback(null, socket);

      socket.destroy();
      callback(
        new AddressRefusedError('Connected to a non-public address.'),
        null,
      );
    });
  };
}
