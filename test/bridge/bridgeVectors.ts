/**
 * Fixed-input test vectors for the browser bridge, as printed in docs/EXTENSION.md section 9 and checked by
 * src/shared/bridge/bridgeVectors.test.ts. The outputs were produced once by this repository's own code, so
 * they pin its behaviour and let another implementation compare byte for byte. Hex is lowercase.
 */
const fill = (byte: number, length: number) => new Uint8Array(length).fill(byte);

export const BRIDGE_VECTOR_INPUTS = {
  /** 0x01, 0x02, ... 0x10. */
  rendezvous: Uint8Array.from({ length: 16 }, (_, index) => index + 1),
  desktopStaticSecret: fill(0x11, 32),
  browserStaticSecret: fill(0x22, 32),
  psk: fill(0x33, 32),
  browserEphemeralSecret: fill(0x44, 32),
  desktopEphemeralSecret: fill(0x55, 32),
  expiresAt: 1_800_000_120_000,
  port: 47391,
  /** The first sealed message, at counter 0. */
  hello: '{"t":"hello","name":"Chromium on Linux"}',
} as const;

export const BRIDGE_VECTORS = {
  code: 'ledgerline-extension:AQECAwQFBgcICQoLDA0ODxB7TpCbvn_-RMRloiADfWCO41iX0x75cvB_dIkssPc_EzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzAAABoxheJMC5Hw',
  browserStaticPublic: '0faa684ed28867b97f4a6a2dee5df8ce974e76b7018e3f22a1c4cf2678570f20',
  desktopStaticPublic: '7b4e909bbe7ffe44c465a220037d608ee35897d31ef972f07f74892cb0f73f13',
  prologue: '6c65646765726c696e652d6272696467652f31010102030405060708090a0b0c0d0e0f10',
  firstFrame:
    '010102030405060708090a0b0c0d0e0f10ff2ee45601ec1b67310c7790404585ae697331eee1c1f8cf2419731c1fff3e' +
    '6bce79949dddeea48d305dd3fde814df701747962064cac6d357e83b44616d423d42e6730d0299348b2e279c7a45ec39' +
    '3bdfe0c7cc0be9c806d9a6ec02b66435b9',
  message2:
    '38ab664bd86f77d7e66bdd9ae0792913a94fd8b33a1260027e4b46c1f4884c6738c209abd948ad7e73d25c0a4c4fc11a',
  initiatorSend: '1f4f8a45376197bf1e0b411cabafe378a6ed4bc2d854b845a7abda6755a0ff4c',
  initiatorReceive: '65e613c4d6019419aeee46e22fb49dc5f17ac30d7c1a7cb18cce480e777de856',
  route: '133baf112f50e1d226e74ead56db0d6f',
  browserId: '1a158020776d07d97c6c1bf09d68cfc8',
  resumePsk: '588cec47cac53c699a157f04b0ce254a8e665b3ff643b14061a03ca966bc51b5',
  sas: '559724',
  helloFrame:
    '00000000000000001cce4b7b0507179d060a84abf7072914213bbcc46b45ef3d3563396d406327be07d4bba7239b7f60' +
    '0d100dcdda10ec6f08f40babd6e9db667921d9daf78bf54cf5c278539736b00578a17a5ecd65211b6d2b1b7109057161' +
    '5bd00c62dbb30977edb14bc1f577210b022d6916409f2ed1f9d9481bcd363f54f7443784d9d17317af08de1be0e764f1' +
    'e48ded0b4bafdc9d0170e721cbc02f8bd2ce0f20b5e3ea186371d738af30fb397af3adba794c23d95969109cd6d87884' +
    'f381aa497210bd9af129aa549dc8ce32ab1110edd1b93ba971776cee2616762434cece3494abf4aeb3e8cf793807a9ae' +
    '782eea659920fd0d76188daa28606f7214e1b7c2bae5c9669c997bcf8ff1b78f0eca0cbd42228588',
  responderAgrees: true,
};
