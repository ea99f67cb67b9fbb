// Shared values of the Canvelete components. The user agent names this package's version so
// Canvelete's logs can tell Pipedream calls apart.
export const PACKAGE_VERSION = '0.1.0';
export const USER_AGENT = `canvelete-pipedream/${PACKAGE_VERSION}`;
export const DEFAULT_BASE_URL = 'https://api.canvelete.com';

export const FORMAT_OPTIONS = [
  {
    label: 'PNG',
    value: 'png',
  },
  {
    label: 'JPG',
    value: 'jpg',
  },
  {
    label: 'WebP',
    value: 'webp',
  },
  {
    label: 'PDF',
    value: 'pdf',
  },
  {
    label: 'SVG',
    value: 'svg',
  },
];

export const EVENT_OPTIONS = [
  {
    label: 'Render completed',
    value: 'render.completed',
  },
  {
    label: 'Render failed',
    value: 'render.failed',
  },
];

/** Page size of dropdowns. */
export const OPTIONS_PAGE_SIZE = 20;

/** Waiting with $.flow.rerun: the first pause waits for Canvelete's callback ... */
export const CALLBACK_WAIT_MS = 10 * 60 * 1000;
/** ... then the step polls at this pace, at most MAX_POLLS times. */
export const POLL_INTERVAL_MS = 30 * 1000;
export const MAX_POLLS = 20;
export const MAX_RERUNS = 1 + MAX_POLLS;
/** Leave this much of the workflow's time for writing outputs when polling within one run. */
export const DEADLINE_MARGIN_MS = 3 * 1000;
