/** Every JSON answer: `{ code, msg, data }`; msg is "success" on code 200. */
export interface Envelope<T> {
  code: number;
  msg: string;
  data: T;
}

export function success<T>(data: T): Envelope<T> {
  return { code: 200, msg: 'success', data };
}
