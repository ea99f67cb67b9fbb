import type { Scenario } from '../types.js';
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
      zapier: certificateVia('zapier'),
      n8n: certificateVia('n8n'),
      pipedream: certificateVia('pipedream'),
    },
  },
  {
    id: 'product-cards',
    title: 'New products → one product card each',
    runners: {
      core: productCards,
      zapier: productCardsVia('zapier'),
      n8n: productCardsVia('n8n'),
      pipedream: productCardsVia('pipedream'),
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
      zapier: productLaunchVia('zapier'),
      n8n: productLaunchVia('n8n'),
      pipedream: productLaunchVia('pipedream'),
    },
  },
  {
    id: 'render-completed',
    title: 'render.completed → instant trigger (signature verified)',
    runners: {
      core: renderCompletedTrigger,
      zapier: renderCompletedVia('zapier'),
      n8n: renderCompletedVia('n8n'),
      pipedream: renderCompletedVia('pipedream'),
    },
  },
];
