export {
  type CaughtZapierError,
  createZapierHandler,
  readZapierError,
  startZapierRuntime,
  type ZapierAppHandler,
  type ZapierBundle,
  type ZapierRunOptions,
  type ZapierRuntime,
  zapierErrorOf,
} from './app-runtime.ts';
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
