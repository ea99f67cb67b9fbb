import { version } from '../package.json';

/** This adapter's version: the app version Zapier shows, and the User-Agent suffix. */
export const ADAPTER_VERSION: string = version;

/** Appended to the core's `canvelete-core/<v>` User-Agent so Canvelete can tell callers apart. */
export const USER_AGENT = `canvelete-zapier/${version}`;
