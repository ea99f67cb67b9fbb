// Zapier loads `module.exports` of the main file as the app definition.
import { App } from './app';

export = App;
