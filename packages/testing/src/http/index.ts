export {
  type RecordedRequest,
  type ScriptedServer,
  type ScriptedStep,
  startScriptedServer,
} from '@canvelete/test-http';
