import app from '../../canvelete.app.mjs';
import { translateErrors } from '../../common/errors.mjs';
import { saveRenderedFile } from '../../common/files.mjs';

/** @type {import('@pipedream/types').Action<any, any>} */
export default {
  key: 'canvelete-get-render',
  name: 'Get Render',
  description:
    'Get a render’s status, output URL and metadata, and optionally save its file. [See the documentation](https://docs.canvelete.com/api-reference/render)',
  version: '0.0.2',
  type: 'action',
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: true,
  },
  props: {
    app,
    renderId: { propDefinition: [app, 'renderId'] },
    saveFile: { propDefinition: [app, 'saveFile'] },
    fileName: {
      type: 'string',
      label: 'File Name',
      description: 'Name of the saved file. Default: the name Canvelete gives it.',
      optional: true,
    },
  },
  /** @param {any} options */
  async run({ $ }) {
    const client = this.app.client($);
    return translateErrors(
      async () => {
        const render = await client.renders.retrieve(this.renderId);
        const output = { ...render };
        if (this.saveFile && render.status === 'completed') {
          output.file = await saveRenderedFile(
            await client.renders.download(render),
            this.fileName,
          );
        }
        $.export('$summary', `Render ${render.id} is ${render.status}`);
        return output;
      },
      { labels: { renderId: 'Render', id: 'Render' } },
    );
  },
};
