import { isPublicAddress } from './public-address.js';

/** Decides whether a callback may reach an IP address. */
export type AddressPolicy = (ip: string) => boolean;

export interface AddressPolicyOptions {
  /**
   * Accept every address: loopback, private, link-local, metadata. For
   * development and closed networks only. Default false.
   */
  allowPrivate?: boolean;
  /**
   * The test applied when `allowPrivate` is off. Default
   * `isPublicAddress`; a wrapper around it can admit one internal network
   * while still refusing the rest, metadata addresses included.
   */
  isAllowedAddress?: AddressPolicy;
}

const allowEverything: AddressPolicy = () => true;

export function addressPolicyFrom(
  options: AddressPolicyOptions,
): AddressPolicy {
  if (options.allowPrivate === true) return allowEverything;
  return options.isAllowedAddress ?? isPublicAddress;
}
