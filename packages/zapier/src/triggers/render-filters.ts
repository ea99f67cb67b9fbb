import type { Render } from '@canvelete/core';
import { matchesEventFilter } from '@canvelete/core';
import type { PlainInputField } from 'zapier-platform-core';

/** The trigger's choice of outcomes, as Canvelete event types. */
export const RENDER_EVENTS = {
  completed: 'render.completed',
  failed: 'render.failed',
} as const;

export type RenderOutcome = keyof typeof RENDER_EVENTS;

export const RENDER_FILTER_FIELDS: PlainInputField[] = [
  {
    key: 'events',
    label: 'Outcome',
    list: true,
    required: false,
    choices: { completed: 'Render completed', failed: 'Render failed' },
    default: 'completed',
    helpText: 'Which finished renders trigger the Zap. Default: completed only.',
  },
  {
    key: 'designId',
    label: 'Design',
    required: false,
    dynamic: 'design_list.id.name',
    helpText: 'Only renders of this design (or template). Leave blank for all.',
  },
  {
    key: 'reference',
    label: 'Reference',
    required: false,
    helpText:
      'Only renders started with exactly this reference. Useful to route renders to one Zap, and to stop a "render finished → render again" Zap from looping.',
  },
];

/** The event types the user chose (completed when none). */
export function chosenEvents(inputData: Record<string, unknown>): string[] {
  const raw = inputData['events'];
  const list = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [])
    .map((value) => String(value).trim())
    .filter((value): value is RenderOutcome => value in RENDER_EVENTS);
  return (list.length > 0 ? list : (['completed'] as RenderOutcome[])).map(
    (outcome) => RENDER_EVENTS[outcome],
  );
}

export function filterOf(inputData: Record<string, unknown>) {
  const text = (key: string) => {
    const value = inputData[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  return {
    events: chosenEvents(inputData),
    designId: text('designId'),
    reference: text('reference'),
  };
}

/** A finished render from history, seen as the event it would have produced. */
export function renderMatches(render: Render, inputData: Record<string, unknown>): boolean {
  if (render.status !== 'completed' && render.status !== 'failed') return false;
  return matchesEventFilter(
    { id: render.id, type: RENDER_EVENTS[render.status], data: render },
    filterOf(inputData),
  );
}
