import { lookup } from 'node:dns/promises';

/**
 * Resolves a host name to every address it has. Injectable so tests can
 * map made-up names to loopback without touching DNS.
 */
export type LookupHost = (hostname: string) => Promise<readonly string[]>;

/**
 * The system resolver (getaddrinfo, so /etc/hosts counts), all addresses
 * in the order it gives them: the same answer a plain connect would use.
 */
export const lookupWithSystem: LookupHost = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
};
