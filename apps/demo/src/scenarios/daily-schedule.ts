// A Pipedream workflow on a schedule: the timer source (Pipedream's schedule trigger, daily) feeds
// Canvelete's render action, both in one Pipedream runtime.
import { runScheduledRender } from '@canvelete/testing/drivers';
import { driverOptions, PIPEDREAM_COMPONENTS } from '../connectors.js';
import { dailyPostData } from '../products.js';
import type { ScenarioContext, ScenarioOutcome } from '../types.js';
import { saveRendered } from './connectors.js';

const DAY_SECONDS = 24 * 60 * 60;

/** The timer fires for today 09:00 UTC; its event's date becomes the post's data. */
export async function pipedreamDailyPost(context: ScenarioContext): Promise<ScenarioOutcome> {
  const nineToday = new Date();
  nineToday.setUTCHours(9, 0, 0, 0);
  context.progress('Pipedream: the daily timer fires and runs the render action');
  const { runs } = await runScheduledRender(
    { ...driverOptions(context.target), componentsDir: PIPEDREAM_COMPONENTS },
    {
      source: {
        designId: context.target.designs.dailyPost,
        format: 'jpg',
        quality: 85,
        scale: 0.5,
      },
      intervalSeconds: DAY_SECONDS,
      ticks: [nineToday.getTime()],
      data: (tick) => dailyPostData(new Date(tick.timestamp * 1000)),
    },
  );
  const [run] = runs;
  if (!run) throw new Error('the schedule fired no run');
  const artifact = await saveRendered(context, 'daily-post-pipedream', run.result);
  return { artifacts: [artifact], note: `timer source → render action (${run.result.waited})` };
}
