// The n8n engine tier in one test file: n8n-core takes seconds to import, so the suites share one
// module graph instead of paying that once per file. Each suite starts its own sandbox.
import './harness.suite.ts';
import './transport.suite.ts';
import './render.suite.ts';
import './render-many.suite.ts';
import './wait.suite.ts';
import './resources.suite.ts';
import './trigger.suite.ts';
import './poll-trigger.suite.ts';
