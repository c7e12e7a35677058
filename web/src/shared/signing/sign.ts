// Signing an action for a mutation: the picker (Development) opens from the click, then a fresh nonce, the document, NCALayer.
import { request } from '../graphql/client';
import { currentLanguage } from '../i18n/language';
import { ActionNonceDocument, RequestNonceDocument } from '../graphql/generated/graphql';
import { openStandInPicker, signXml } from '../ncalayer/ncalayer';
import { actionDocument, loginDocument, type ActionInput } from './actionDocument';

/** Call straight from the click handler: the stand-in's popup must open before the first await. */
export async function signAction(ncaLayerUrl: string, mutation: string, input: ActionInput): Promise<string> {
  const popup = openStandInPicker(ncaLayerUrl, currentLanguage());
  try {
    const nonce = (await request(ActionNonceDocument)).requestNonce.value;
    return await signXml(ncaLayerUrl, actionDocument(mutation, nonce, input), 'SIGNATURE');
  } catch (error) {
    popup?.close();
    throw error;
  }
}

/** The login document, signed with the AUTH key. */
export async function signLogin(ncaLayerUrl: string): Promise<string> {
  const popup = openStandInPicker(ncaLayerUrl, currentLanguage());
  try {
    const nonce = (await request(RequestNonceDocument)).requestNonce.value;
    return await signXml(ncaLayerUrl, loginDocument(nonce), 'AUTHENTICATION');
  } catch (error) {
    popup?.close();
    throw error;
  }
}
