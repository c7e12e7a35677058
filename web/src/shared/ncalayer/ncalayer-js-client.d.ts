declare module 'ncalayer-js-client' {
  export class NCALayerError extends Error {
    canceledByUser?: boolean;
  }
  export class NCALayerClient {
    constructor(url?: string, allowKmdHttpApi?: boolean);
    wsConnection: WebSocket | null;
    connect(): Promise<string>;
    signXml(storageType: string, xml: string, keyType?: string, tbsElementXPath?: string, signatureParentElementXPath?: string): Promise<string>;
    static get fileStorageType(): string;
  }
}
