export {
  type FakeZapier,
  type RpcCall,
  type StashedFile,
  startFakeZapier,
  toZapierDelivery,
  type ZapierDelivery,
  type ZapierRawRequest,
} from './fake-zapier.ts';
export { type MultipartPart, parseMultipart } from './multipart.ts';
