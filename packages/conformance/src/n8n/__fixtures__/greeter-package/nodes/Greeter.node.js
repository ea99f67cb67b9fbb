const { NodeConnectionTypes, NodeOperationError } = require('n8n-workflow');

class Greeter {
  constructor() {
    this.description = {
      displayName: 'Greeter',
      name: 'greeter',
      group: ['transform'],
      version: 1,
      description: 'Greets each item, asking a server for the greeting',
      defaults: { name: 'Greeter' },
      inputs: [NodeConnectionTypes.Main],
      outputs: [NodeConnectionTypes.Main],
      credentials: [{ name: 'greeterApi', required: true }],
      properties: [{ displayName: 'Who', name: 'who', type: 'string', default: '' }],
    };
  }

  async execute() {
    const items = this.getInputData();
    const credentials = await this.getCredentials('greeterApi');
    const output = [];
    for (let index = 0; index < items.length; index++) {
      const who = this.getNodeParameter('who', index);
      if (who === 'nobody') {
        if (this.continueOnFail()) {
          output.push({ json: { error: 'nobody to greet' }, pairedItem: { item: index } });
          continue;
        }
        throw new NodeOperationError(this.getNode(), 'nobody to greet', { itemIndex: index });
      }
      const response = await this.helpers.httpRequestWithAuthentication.call(this, 'greeterApi', {
        method: 'GET',
        url: `${credentials.baseUrl}/greeting`,
        qs: { who },
        json: true,
      });
      output.push({ json: { greeting: response.greeting }, pairedItem: { item: index } });
    }
    return [output];
  }
}

module.exports = { Greeter };
