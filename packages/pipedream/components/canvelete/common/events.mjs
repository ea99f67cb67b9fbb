import { normalizeRender } from '@canvelete/core';

/** The emitted shape of a render event: the verified event plus its render, normalised. */
export function renderEventPayload(event) {
  let render;
  try {
    render = normalizeRender(event.data);
  } catch {
    render = undefined;
  }
  return { ...event, render };
}

export function renderEventSummary(event, render) {
  const id = render?.id ?? event.id;
  if (event.type === 'render.completed') return `Render ${id} completed`;
  if (event.type === 'render.failed') return `Render ${id} failed`;
  return `${event.type} ${id}`;
}
