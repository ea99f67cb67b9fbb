import type { Scenario } from '../types.js';
import {
  certificatePdf,
  dailyPost,
  productCards,
  productLaunch,
  renderCompletedTrigger,
} from './core.js';

/** The integration patterns from Canvelete's docs, each with a runner per platform. */
export const SCENARIOS: Scenario[] = [
  {
    id: 'certificate',
    title: 'Form submission → certificate PDF',
    runners: { core: certificatePdf },
  },
  {
    id: 'product-cards',
    title: 'New products → one product card each',
    runners: { core: productCards },
  },
  { id: 'daily-post', title: 'Scheduled daily social post', runners: { core: dailyPost } },
  {
    id: 'product-launch',
    title: 'Product → card + 1200×630 social image',
    runners: { core: productLaunch },
  },
  {
    id: 'render-completed',
    title: 'render.completed → instant trigger (signature verified)',
    runners: { core: renderCompletedTrigger },
  },
];
