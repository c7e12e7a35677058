import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

/** NCALayer as the protocol goes: a version greeting, a refused KAZTOKEN probe, then one answer per signXml. */
class FakeNcaLayer {
  static instances: FakeNcaLayer[] = [];
  static behaviour: 'signs' | 'cancels' | 'absent' | 'fails' = 'signs';
  readonly sent: { module: string; method: string; args?: unknown[] }[] = [];
  onmessage: ((msg: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;

  constructor(readonly url: string) {
    FakeNcaLayer.instances.push(this);
    setTimeout(() => {
      if (FakeNcaLayer.behaviour === 'absent') {
        this.onerror?.();
        this.onclose?.();
      } else this.reply({ result: { version: '1.0.0' } });
    }, 0);
  }

  send(text: string) {
    const request = JSON.parse(text);
    this.sent.push(request);
    if (request.method === 'getVersion') return this.reply({ code: '500', message: 'Unknown module' });
    if (request.method !== 'signXml') return this.reply({ code: '500', message: 'unknown' });
    if (FakeNcaLayer.behaviour === 'cancels') return this.reply({ code: '500', message: 'action.canceled' });
    if (FakeNcaLayer.behaviour === 'fails') return this.reply({ code: '500', message: 'Key is not valid' });
    const xml = request.args[2] as string;
    this.reply({ code: '200', responseObject: xml.replace('</login>', '<ds:Signature/></login>').replace('</action>', '<ds:Signature/></action>') });
  }

  close() {
    this.closed = true;
  }

  private reply(body: unknown) {
    setTimeout(() => this.onmessage?.({ data: JSON.stringify(body) }), 0);
  }
}

let ncalayer: typeof import('./ncalayer');
const page = { protocol: 'http:', host: '127.0.0.1:5080' };

beforeAll(async () => {
  // The client takes the WebSocket class when it loads: the fake must be in place first.
  vi.stubGlobal('WebSocket', FakeNcaLayer);
  vi.stubGlobal('fetch', () => Promise.reject(new Error('no KAZTOKEN here')));
  ncalayer = await import('./ncalayer');
});

afterEach(() => {
  FakeNcaLayer.instances = [];
  FakeNcaLayer.behaviour = 'signs';
});

describe('the NCALayer wrapper', () => {
  it('signs with the AUTH key through the real protocol and closes the connection', async () => {
    const signed = await ncalayer.signXml('wss://127.0.0.1:13579', '<login xmlns="urn:kezek:action:1"><nonce>n</nonce></login>', 'AUTHENTICATION', page);
    expect(signed).toContain('<ds:Signature/>');
    const [socket] = FakeNcaLayer.instances;
    expect(socket.url).toBe('wss://127.0.0.1:13579');
    expect(socket.sent[0]).toEqual({ module: 'kz.digiflow.mobile.extensions', method: 'getVersion' });
    expect(socket.sent[1]).toEqual({
      module: 'kz.gov.pki.knca.commonUtils', method: 'signXml',
      args: ['PKCS12', 'AUTHENTICATION', '<login xmlns="urn:kezek:action:1"><nonce>n</nonce></login>', '', ''],
    });
    expect(socket.closed).toBe(true);
  });

  it('asks for the SIGN key for actions', async () => {
    await ncalayer.signXml('wss://127.0.0.1:13579', '<action/>', 'SIGNATURE', page);
    expect(FakeNcaLayer.instances[0].sent[1].args?.[1]).toBe('SIGNATURE');
  });

  it('says NCALayer is not running when nothing answers', async () => {
    FakeNcaLayer.behaviour = 'absent';
    await expect(ncalayer.signXml('wss://127.0.0.1:13579', '<login/>', 'AUTHENTICATION', page)).rejects.toMatchObject({ failure: 'not-running' });
  });

  it('tells a cancelled dialog from a failure', async () => {
    FakeNcaLayer.behaviour = 'cancels';
    await expect(ncalayer.signXml('wss://x', '<login/>', 'AUTHENTICATION', page)).rejects.toMatchObject({ failure: 'cancelled' });
    FakeNcaLayer.behaviour = 'fails';
    await expect(ncalayer.signXml('wss://x', '<login/>', 'AUTHENTICATION', page)).rejects.toMatchObject({ failure: 'failed' });
  });

  it('resolves the Development stand-in against the page and opens its picker', () => {
    expect(ncalayer.resolveNcaLayerUrl('/dev/ncalayer', page)).toBe('ws://127.0.0.1:5080/dev/ncalayer');
    expect(ncalayer.resolveNcaLayerUrl('/dev/ncalayer', { protocol: 'https:', host: 'kezek.kz' })).toBe('wss://kezek.kz/dev/ncalayer');
    expect(ncalayer.resolveNcaLayerUrl('wss://127.0.0.1:13579', page)).toBe('wss://127.0.0.1:13579');
    const open = vi.fn(() => null);
    ncalayer.openStandInPicker('/dev/ncalayer', 'kk', open);
    expect(open).toHaveBeenCalledWith('/dev/ncalayer/picker?lang=kk', 'kezek-ncalayer-picker', expect.any(String));
    open.mockClear();
    ncalayer.openStandInPicker('wss://127.0.0.1:13579', 'kk', open);
    expect(open).not.toHaveBeenCalled();
  });

  it('connects to the stand-in by its resolved address', async () => {
    await ncalayer.signXml('/dev/ncalayer', '<login/>', 'AUTHENTICATION', page);
    expect(FakeNcaLayer.instances[0].url).toBe('ws://127.0.0.1:5080/dev/ncalayer');
  });
});
