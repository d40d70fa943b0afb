import { isBlankText } from '../util/blank-text.js';
import { CONTROL_CHARACTER } from '../util/control-characters.js';

/** The longest key name, in characters (code points, as JSON Schema counts). */
export const KEY_NAME_MAX_LENGTH = 100;

/**
 * Why a key name is refused, in the words the admin API answers with, or
 * undefined when it is fine. A name that shows nothing is refused by the
 * rule music titles follow (isBlankText). `subject` names the field
 * ("name" for the API, "--name" for the command line). The admin route's
 * schema holds the same limits for the OpenAPI document; this is what
 * every caller obeys.
 */
export function findKeyNameProblem(
  name: string,
  subject = 'name',
): string | undefined {
  if (name === '') return `${subject} must not be empty.`;
  if ([...name].length > KEY_NAME_MAX_LENGTH) {
    return `${subject} must be at most ${KEY_NAME_MAX_LENGTH} characters long.`;
  }
  if (CONTROL_CHARACTER.test(name)) {
    return (
      `${subject} must not contain control characters (such as newlines, ` +
      'escapes or bidi controls).'
    );
  }
  if (isBlankText(name)) {
    return (
      `${subject} must show something: not only spaces or invisible ` +
      'characters.'
    );
  }
  return undefined;
}
