// Zapier loads the package's main file; the app itself is bundled into dist/ by tsup.
module.exports = require('./dist/index.js');
