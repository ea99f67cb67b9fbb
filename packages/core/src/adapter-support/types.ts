/** The part of a normalised webhook event the adapter-support helpers read. */
export interface WebhookEventLike {
  id: string;
  type: string;
  data: unknown;
}
