/**
 * Fixed-input test vectors for the pairing protocol, as printed in docs/PROTOCOL.md section 15 and checked by
 * protocolVectors.test.ts. The outputs were produced once by this repository's own code, so they pin its
 * behaviour (and let another implementation compare byte for byte); independence comes from the Cacophony
 * vector in noiseVectors.ts. Hex is lowercase; private keys are X25519 scalars as Noise and noble take them.
 */
const fill = (byte: number, length: number) => new Uint8Array(length).fill(byte);

export const VECTOR_INPUTS = {
  /** 0x01, 0x02, ... 0x10. */
  rendezvous: Uint8Array.from({ length: 16 }, (_, index) => index + 1),
  desktopStaticSecret: fill(0x11, 32),
  phoneStaticSecret: fill(0x22, 32),
  psk: fill(0x33, 32),
  phoneEphemeralSecret: fill(0x44, 32),
  desktopEphemeralSecret: fill(0x55, 32),
  now: 1_800_000_000_000,
  expiresAt: 1_800_000_120_000,
  relay: 'ws://192.168.1.20:8787/relay',
  companionUrl: 'http://192.168.1.20:8787/',
  mode: 'pair',
  /** The application message sealed twice, at counters 0 and 1. */
  frameMessage: '{"t":"resume","v":1}',
} as const;

export const VECTOR_PUBLIC_KEYS = {
  desktopStatic: '7b4e909bbe7ffe44c465a220037d608ee35897d31ef972f07f74892cb0f73f13',
  phoneStatic: '0faa684ed28867b97f4a6a2dee5df8ce974e76b7018e3f22a1c4cf2678570f20',
  phoneEphemeral: 'ff2ee45601ec1b67310c7790404585ae697331eee1c1f8cf2419731c1fff3e6b',
  desktopEphemeral: '38ab664bd86f77d7e66bdd9ae0792913a94fd8b33a1260027e4b46c1f4884c67',
} as const;

export const INVITE_VECTOR = {
  bytes:
    '010102030405060708090a0b0c0d0e0f107b4e909bbe7ffe44c465a220037d608ee35897d31ef972f07f74892cb0f73f' +
    '133333333333333333333333333333333333333333333333333333333333333333000001a3185e24c077733a2f2f3139' +
    '322e3136382e312e32303a383738372f72656c6179',
  url: 'http://192.168.1.20:8787/#AQECAwQFBgcICQoLDA0ODxB7TpCbvn_-RMRloiADfWCO41iX0x75cvB_dIkssPc_EzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzAAABoxheJMB3czovLzE5Mi4xNjguMS4yMDo4Nzg3L3JlbGF5',
} as const;

export const HANDSHAKE_VECTOR = {
  prologue: '6c65646765726c696e652d70616972696e672f31010102030405060708090a0b0c0d0e0f10',
  message1:
    'ff2ee45601ec1b67310c7790404585ae697331eee1c1f8cf2419731c1fff3e6bce79949dddeea48d305dd3fde814df70' +
    '1747962064cac6d357e83b44616d423df740bb52091de9959ab06fd1b93cac1a6e4baa32e86780ae7b977593d1ff3b51',
  message2:
    '38ab664bd86f77d7e66bdd9ae0792913a94fd8b33a1260027e4b46c1f4884c67a0283bd813663a58efc0d1a55740d146',
  handshakeHash: '6f7ffe6803f3544d2ace36654a33b5adc2786d9df31d0cfb2c5bc6b0da2ef1b9',
  sas: '045100',
  route: 'd2781163da8902becfb41b49adc6801c',
  resumePsk: '9cd98b48729496dbd9ff42a9160a66b2782ab5f7ccb793bfc5fd38f371ff5aa5',
  inbox: '16955c1741f6d880bf639491341fdc70',
  initiatorToResponder: '1f4f8a45376197bf1e0b411cabafe378a6ed4bc2d854b845a7abda6755a0ff4c',
  responderToInitiator: '65e613c4d6019419aeee46e22fb49dc5f17ac30d7c1a7cb18cce480e777de856',
} as const;

/** The phone's sealed frames (key: initiatorToResponder, aad: route), 280 bytes each. */
export const FRAME_VECTOR = {
  counter0:
    '00000000000000001cce4b7b0507179d060a8497f7072914213ba6c4745ced7a3b6d757a0f3c34f92597d3d54cf61615' +
    '603062a3fa5c85017d8c29d6d6e9db667921d9daf78bf54cf5c278539736b00578a17a5ecd65211b6d2b1b7109057161' +
    '5bd00c62dbb30977edb14bc1f577210b022d6916409f2ed1f9d9481bcd363f54f7443784d9d17317af08de1be0e764f1' +
    'e48ded0b4bafdc9d0170e721cbc02f8bd2ce0f20b5e3ea186371d738af30fb397af3adba794c23d95969109cd6d87884' +
    'f381aa497210bd9af129aa549dc8ce32ab1110edd1b93ba971776cee2616762434cece3494abf4aeb3e8cf793807a9ae' +
    '782eea659920fd0d76188daa28606f7214e1b7c2bae5c966cfaea03489abf32ea65ed44bfbc40752',
  counter1:
    '00000000000000018c84ed837ff238dc679a3164fe7fcb158db769042fd71f9f5d72de25e9758c6e7ba2bfb1b5d4841f' +
    'd313d21e5164126890788729a985133baa9b0e033b2cac40e3fdd4fec1e223773f0770928118e4857abab3726d8a2736' +
    '2ea414fc7da53f26335212aa5a03a11b7785983e9ec2f003e896e69bd5f4c729a9645e43554c418e55b4f37e6b5cba40' +
    '70cf5ab1a904e4c0b9dc4b01e2dc3b2569c4039ae42fcd4ddf6f677bf230a02d2ac8b483d939ee34c451e67a6bb32f5d' +
    '232337740df8d0c4cf32b45251e07e64913232e6d051bcfcc10f083bed8764e36042a1d1da0f4975c09d3e95a4b09f1b' +
    '5bf3f083b7f7cc32ab5d285e8e3868a13c33284837a98b597b9b5dd468b479e82c75237c8e3c65e1',
} as const;

/**
 * A proven LISTEN (PROTOCOL.md section 15.4): the route of HANDSHAKE_VECTOR, and a relay challenge of 16
 * bytes 0x66. Ed25519 signatures are deterministic, so the whole message is fixed.
 */
export const LISTEN_VECTOR = {
  nonce: '66666666666666666666666666666666',
  seed: 'e43d204f33f8014fed7177af321d859c99738186508da6437d4ec1c32129be15',
  publicKey: 'c652caff4e5a471901681cc62de9351ec567a1fc5e3843de55d0f62e4bf97730',
  wireId: '1e46717ce39b477bd8af64479eef9844',
  signature:
    '338bbf5d599d02613f2970523fffe337023b072f7075cd07c906d5cfbfdbff9a' +
    '50867f5b8eda017b319b09c6f348c9ad8463f234e47d67dd99874bc00581f601',
  listen:
    '011e46717ce39b477bd8af64479eef9844c652caff4e5a471901681cc62de9351ec567a1fc5e3843de55d0f62e4bf977' +
    '30338bbf5d599d02613f2970523fffe337023b072f7075cd07c906d5cfbfdbff9a50867f5b8eda017b319b09c6f348c9' +
    'ad8463f234e47d67dd99874bc00581f601',
} as const;
