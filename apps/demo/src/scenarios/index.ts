import { CONNECTOR_PLATFORMS } from '../connectors.js';
import type { Platform, Scenario } from '../types.js';
import {
  certificateVia,
  productCardsVia,
  productLaunchVia,
  renderCompletedVia,
} from './connectors.js';
import {
  certificatePdf,
  dailyPost,
  productCards,
  productLaunch,
  renderCompletedTrigger,
} from './core.js';
import { pipedreamDailyPost } from './daily-schedule.js';

type Runner = Scenario['runners'][Platform];

/** The same pattern on each connector: a new platform joins every scenario by joining the list. */
function onEveryConnector(via: (platform: (typeof CONNECTOR_PLATFORMS)[number]) => Runner) {
  return Object.fromEntries(CONNECTOR_PLATFORMS.map((platform) => [platform, via(platform)]));
}

/**
 * The integration patterns from Canvelete's docs, each with a runner per platform: the core
 * library itself, then each connector in its platform's runtime.
 */
export const SCENARIOS: Scenario[] = [
  {
    id: 'certificate',
    title: 'Form submission → certificate PDF',
    runners: {
      core: certificatePdf,
      ...onEveryConnector(certificateVia),
    },
  },
  {
    id: 'product-cards',
    title: 'New products → one product card each',
    runners: {
      core: productCards,
      ...onEveryConnector(productCardsVia),
    },
  },
  {
    id: 'daily-post',
    title: 'Scheduled daily social post',
    runners: { core: dailyPost, pipedream: pipedreamDailyPost },
  },
  {
    id: 'product-launch',
    title: 'Product → card + 1200×630 social image',
    runners: {
      core: productLaunch,
      ...onEveryConnector(productLaunchVia),
    },
  },
  {
    id: 'render-completed',
    title: 'render.completed → instant trigger (signature verified)',
    runners: {
      core: renderCompletedTrigger,
      ...onEveryConnector(renderCompletedVia),
    },
  },
];
