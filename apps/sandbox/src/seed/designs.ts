// The seed set: each design exercises a different way dynamic data binds to a canvas.
import { CERTIFICATE_ID, certificate } from './certificate.js';
import { DAILY_POST_ID, dailyPost } from './daily-post.js';
import { OG_IMAGE_ID, ogImage } from './og-image.js';
import { PRODUCT_CARD_ID, productCard } from './product-card.js';
import { STATIC_BANNER_ID, staticBanner } from './static-banner.js';
import { TICKET_TEMPLATE_ID, ticketTemplate } from './ticket-template.js';
import type { SeedDesign } from './types.js';

export const SEED_DESIGN_IDS = {
  certificate: CERTIFICATE_ID,
  productCard: PRODUCT_CARD_ID,
  ogImage: OG_IMAGE_ID,
  dailyPost: DAILY_POST_ID,
  ticketTemplate: TICKET_TEMPLATE_ID,
  staticBanner: STATIC_BANNER_ID,
} as const;

/** A fresh deep copy every call, so a server may mutate what it stores. */
export function seedDesigns(): SeedDesign[] {
  return structuredClone([
    certificate,
    productCard,
    ogImage,
    dailyPost,
    ticketTemplate,
    staticBanner,
  ]);
}

/** A template's declared variable defaults, to merge under a request's dynamicData. */
export function variableDefaults(design: Pick<SeedDesign, 'variables'>): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const variable of design.variables ?? []) {
    if (variable.default !== undefined) defaults[variable.name] = variable.default;
  }
  return defaults;
}
