import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmulatedTrezor } from './emulatedTrezor';
import { TestTrezorBridge } from './testBridge';
import { decodeFrame, encodeFrame } from './trezorWire';

let bridge: TestTrezorBridge;
let base: string;

beforeEach(async () => {
  bridge = new TestTrezorBridge();
  base = `http://127.0.0.1:${await bridge.start()}`;
});
afterEach(() => bridge.stop());

async function post(path: string, body = ''): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, { method: 'POST', body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Hex and empty answers are plain text.
  }
  return { status: response.status, body: parsed };
}

describe('TestTrezorBridge', () => {
  it('reports itself as Bridge 3 without protocol messages, and lists the device once plugged', async () => {
    expect((await post('/')).body).toEqual({ version: '3.0.0', protocolMessages: false });
    expect((await post('/enumerate')).body).toEqual([]);
    bridge.plugIn(new EmulatedTrezor());
    expect((await post('/enumerate')).body).toEqual([expect.objectContaining({ path: '1', session: null })]);
  });

  it('hands out a session to the caller that names the current one, and answers calls on it', async () => {
    bridge.plugIn(new EmulatedTrezor());
    expect(await post('/acquire/1/7')).toEqual({ status: 400, body: { error: 'wrong previous session' } });
    const { body } = await post('/acquire/1/null');
    const session = (body as { session: string }).session;
    const request = encodeFrame({ type: 'GetFeatures', message: {} }).toString('hex');
    const answer = await post(`/call/${session}`, request);
    expect(decodeFrame(Buffer.from(answer.body as string, 'hex')).type).toBe('Features');
    expect(await post('/call/999', request)).toEqual({ status: 400, body: { error: 'session not found' } });
    expect(await post(`/release/${session}`)).toEqual({ status: 200, body: '' });
  });

  it('wakes a listener when the device list changes and answers a stale one at once', async () => {
    const waiting = post('/listen', '[]');
    bridge.plugIn(new EmulatedTrezor());
    expect((await waiting).body).toEqual([expect.objectContaining({ path: '1' })]);
    expect((await post('/listen', '[]')).body).toEqual([expect.objectContaining({ path: '1' })]);
  });

  it('fails a call in flight when the cable comes out', async () => {
    const trezor = new EmulatedTrezor();
    bridge.plugIn(trezor);
    const { body } = await post('/acquire/1/null');
    const session = (body as { session: string }).session;
    const show = { type: 'EthereumGetAddress', message: { address_n: [0x8000002c], show_display: true } };
    await post(`/call/${session}`, encodeFrame(show).toString('hex'));
    const shown = trezor.holdButtonRequests();
    const waiting = post(`/call/${session}`, encodeFrame({ type: 'ButtonAck', message: {} }).toString('hex'));
    await shown;
    bridge.unplug();
    expect(await waiting).toEqual({ status: 400, body: { error: 'device disconnected during action' } });
  });

  it('refuses malformed frames and oversized bodies without reading on', async () => {
    bridge.plugIn(new EmulatedTrezor());
    const { body } = await post('/acquire/1/null');
    const session = (body as { session: string }).session;
    expect(await post(`/call/${session}`, 'zz')).toEqual({
      status: 400,
      body: { error: 'malformed wire format' },
    });
    const huge = await fetch(`${base}/call/${session}`, {
      method: 'POST',
      body: 'a'.repeat(1024 * 1024),
    }).catch((error: unknown) => error);
    // Either the 413 arrives or the socket is cut once the bound is passed; the body is never buffered whole.
    if (huge instanceof Response) expect(huge.status).toBe(413);
    else expect(huge).toBeInstanceOf(Error);
  });
});
