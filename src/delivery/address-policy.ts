import {
  isPublicAddress,
  isPublicOrLocalNetworkAddress,
} from './public-address.js';

/** Decides whether a callback may reach an IP address. */
export type AddressPolicy = (ip: string) => boolean;

export interface AddressPolicyOptions {
  /**
   * Also accept loopback and private-network addresses, for development
   * and closed networks. Link-local and metadata addresses stay refused.
   * Default false.
   */
  allowPrivate?: boolean;
  /**
   * The test applied when `allowPrivate` is off. Default
   * `isPublicAddress`; a wrapper around it can admit one internal network
   * while still refusing the rest, metadata addresses included.
   */
  isAllowedAddress?: AddressPolicy;
}

export function addressPolicyFrom(
  options: AddressPolicyOptions,
): AddressPolicy {
  if (options.allowPrivate === true) return isPublicOrLocalNetworkAddress;
  return options.isAllowedAddress ?? isPublicAddress;
}
