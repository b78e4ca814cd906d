import type Eth from '@ledgerhq/hw-app-eth';
import type { TypedData } from '../signer';
import { domainFields } from '../typedDataHash';

type LedgerTypedMessage = Parameters<Eth['signEIP712Message']>[1];

/**
 * The message as hw-app-eth's full mode takes it. The app hashes the domain field by field from the
 * EIP712Domain type it is sent, so the type goes out as the checks read it (the request's own, order kept,
 * or the standard one where the request declares none). Its declared domain type is narrower than what its
 * encoders accept (a chainId may arrive as a string), so the domain passes through as is.
 */
export function toLedgerTypedMessage(data: TypedData): LedgerTypedMessage {
  const types = Object.fromEntries(Object.entries(data.types).map(([name, fields]) => [name, [...fields]]));
  return {
    domain: data.domain as LedgerTypedMessage['domain'],
    types: { ...types, EIP712Domain: domainFields(data) },
    primaryType: data.primaryType,
    message: data.message,
  };
}
