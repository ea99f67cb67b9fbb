import { defineApp, version as platformVersion } from 'zapier-platform-core';
import { authentication } from './authentication';
import { createDesign } from './creates/create-design';
import { renderDesign } from './creates/render-design';
import { renderMany } from './creates/render-many';
import { renderFile } from './hydrators';
import { findDesign } from './searches/find-design';
import { findRender } from './searches/find-render';
import { getUsage } from './searches/get-usage';
import { designList } from './triggers/design-list';
import { newDesign } from './triggers/new-design';
import { newRender } from './triggers/new-render';
import { newRenderComplete } from './triggers/new-render-complete';
import { templateList } from './triggers/template-list';
import { ADAPTER_VERSION } from './version';

export const App = defineApp({
  version: ADAPTER_VERSION,
  platformVersion,
  authentication,
  flags: { skipThrowForStatus: true },
  hydrators: { renderFile },
  triggers: {
    [designList.key]: designList,
    [templateList.key]: templateList,
    [newDesign.key]: newDesign,
    [newRender.key]: newRender,
    [newRenderComplete.key]: newRenderComplete,
  },
  creates: {
    [renderDesign.key]: renderDesign,
    [renderMany.key]: renderMany,
    [createDesign.key]: createDesign,
  },
  searches: {
    [findDesign.key]: findDesign,
    [findRender.key]: findRender,
    [getUsage.key]: getUsage,
  },
});
