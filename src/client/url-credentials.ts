/**
 * The user information of every URL in a text: "scheme://" and then all
 * up to the last "@" before the host ends, as URL parsers read it, so a
 * password that holds an "@" itself is matched whole.
 */
const USER_INFO = /\b([a-z][a-z\d+.-]*:\/\/)([^\s/?#\\]*)@/gi;

/**
 * The text with the user name and password of every URL in it taken out
 * (`https://user:pw@host` → `https://host`): what any message may show.
 */
export function withoutCredentials(text: string): string {
  return text.replace(USER_INFO, '$1');
}

/**
 * The text with the password of every URL in it taken out; user names
 * stay (`postgres://sleeve:pw@db` → `postgres://sleeve@db`), as a
 * database's login user helps to tell why a connection was refused.
 */
export function withoutPasswords(text: string): string {
  return text.replace(USER_INFO, (_match, scheme: string, info: string) => {
    const user = info.split(':', 1)[0];
    return user ? `${scheme}${user}@` : scheme;
  });
}
