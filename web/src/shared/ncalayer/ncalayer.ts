// A small wrapper over ncalayer-js-client: one connection per signature, errors sorted into what a parent can act on.
import { NCALayerClient } from 'ncalayer-js-client';

export type KeyType = 'AUTHENTICATION' | 'SIGNATURE';

/** not-running: NCALayer is not installed or not started; cancelled: the person closed the dialog; failed: anything else. */
export type SigningFailure = 'not-running' | 'cancelled' | 'failed';

export class SigningError extends Error {
  constructor(
    readonly failure: SigningFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SigningError';
  }
}

/** The picker page of the Development stand-in, opened from the click that starts the signing. */
export const standInPickerPath = '/dev/ncalayer/picker';

/** True when portalSettings names a path on Kezek's own origin: the Development stand-in. */
export function isStandIn(ncaLayerUrl: string): boolean {
  return ncaLayerUrl.startsWith('/');
}

/** A full WebSocket URL: a path is resolved against the page's origin as ws(s)://host/path. */
export function resolveNcaLayerUrl(ncaLayerUrl: string, location: { protocol: string; host: string }): string {
  if (!isStandIn(ncaLayerUrl)) return ncaLayerUrl;
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${ncaLayerUrl}`;
}

/**
 * Opens the stand-in's picker in a popup. Call it synchronously in the click handler (before any await), or the browser
 * blocks the popup. Does nothing for the real NCALayer, whose own dialog appears.
 */
export function openStandInPicker(ncaLayerUrl: string, language: string, open: typeof window.open = window.open.bind(window)): Window | null {
  if (!isStandIn(ncaLayerUrl)) return null;
  return open(`${standInPickerPath}?lang=${encodeURIComponent(language)}`, 'kezek-ncalayer-picker', 'popup,width=520,height=680');
}

function classify(error: unknown): SigningError {
  const message = error instanceof Error ? error.message : String(error);
  const canceled = (error as { canceledByUser?: boolean })?.canceledByUser === true || /action\.canceled|cancel/i.test(message);
  if (canceled) return new SigningError('cancelled', message);
  return new SigningError('failed', message);
}

/** Signs an XML document with the person's key from a PKCS#12 file (NCALayer's dialog asks which and for the password). */
export async function signXml(ncaLayerUrl: string, xml: string, keyType: KeyType, location: { protocol: string; host: string } = window.location): Promise<string> {
  const client = new NCALayerClient(resolveNcaLayerUrl(ncaLayerUrl, location), false);
  try {
    try {
      await client.connect();
    } catch (error) {
      throw new SigningError('not-running', error instanceof Error ? error.message : String(error));
    }
    try {
      return await client.signXml(NCALayerClient.fileStorageType, xml, keyType, '', '');
    } catch (error) {
      throw classify(error);
    }
  } finally {
    try {
      client.wsConnection?.close();
    } catch {
      /* already closed */
    }
  }
}
