/**
 * The path the phone's key signs from: the first account of the standard Ethereum path, so the phone's
 * recovery phrase restores in any wallet. The desktop records it on the phone's account.
 */
export const PHONE_PATH = "m/44'/60'/0'/0/0";
