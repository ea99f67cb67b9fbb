export { type ScriptedServer, type ScriptedStep, startScriptedServer } from './scripted-server.ts';
