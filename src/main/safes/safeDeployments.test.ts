import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/envelope';
import { isKnownFallbackHandler, isKnownSingleton, safeContracts } from './safeDeployments';

describe('safeContracts', () => {
  it('gives the canonical v1.4.1 addresses on mainnet and on an L2', () => {
    for (const chainId of [1, 10]) {
      expect(safeContracts(chainId)).toEqual({
        singleton: '0x41675C099F32341bf84BFc5382aF534df5C7461a',
        singletonL2: '0x29fcB43b46531BcA003ddC8FCB67FFE91900C762',
        proxyFactory: '0x4e1DCf7AD4e460CfD30791CCC4F9c8a4f820ec67',
        fallbackHandler: '0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99',
        multiSend: '0x38869bf66a61cF6bDB996A6aE40D5853Fd43B526',
        multiSendCallOnly: '0x9641d764fc13c8B624c04430C7356C1C7C8102e2',
        signMessageLib: '0xd53cd0aB83D845Ac265BE939c57F53AD838012c9',
        createCall: '0x9b35Af71d77eaf8d7e40252370304687390A1A52',
        simulateTxAccessor: '0x3d4BA2E0884aa488718476ca2FB8Efc291A46199',
      });
    }
  });

  it('refuses in words a chain where Safe is not deployed', () => {
    const attempt = () => safeContracts(31_337);
    expect(attempt).toThrow(ApiError);
    expect(attempt).toThrow(/Safe 1\.4\.1 is not deployed.*\(chain 31337\)/);
  });
});

describe('isKnownSingleton', () => {
  it('knows every release listed for the chain, in any case', () => {
    expect(isKnownSingleton(1, '0x41675C099F32341bf84BFc5382aF534df5C7461a')).toBe(true);
    expect(isKnownSingleton(1, '0xd9db270c1b5e3bd161e8c8503c55ceabee709552')).toBe(true); // 1.3.0
    expect(isKnownSingleton(10, '0x29fcB43b46531BcA003ddC8FCB67FFE91900C762')).toBe(true);
  });

  it('does not know other contracts, nor a known one on a chain that lacks it', () => {
    expect(isKnownSingleton(1, '0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99')).toBe(false);
    expect(isKnownSingleton(31_337, '0x41675C099F32341bf84BFc5382aF534df5C7461a')).toBe(false);
  });
});

describe('isKnownFallbackHandler', () => {
  it('knows the compatibility handlers and 1.1.1 default handler, not the extensible one', () => {
    expect(isKnownFallbackHandler(1, '0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99')).toBe(true);
    expect(isKnownFallbackHandler(1, '0xf48f2B2d2a534e402487b3ee7C18c33Aec0Fe5e4')).toBe(true);
    expect(isKnownFallbackHandler(1, '0xd5D82B6aDDc9027B22dCA772Aa68D5d74cdBdF44')).toBe(true);
    expect(isKnownFallbackHandler(1, '0x41675C099F32341bf84BFc5382aF534df5C7461a')).toBe(false);
  });
});
