import type { PhoneClient } from '../client/phoneClient';

/** The part of the protocol client the screens drive; tests hand in a stub of this shape. */
export type PhoneClientLike = Pick<
  PhoneClient,
  | 'state'
  | 'pair'
  | 'connect'
  | 'requests'
  | 'approve'
  | 'reject'
  | 'revoke'
  | 'online'
  | 'onChange'
  | 'nameFor'
  | 'disconnect'
>;
