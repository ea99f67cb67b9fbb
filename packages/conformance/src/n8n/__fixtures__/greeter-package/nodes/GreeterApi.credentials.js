class GreeterApi {
  constructor() {
    this.name = 'greeterApi';
    this.displayName = 'Greeter API';
    this.properties = [
      { displayName: 'Token', name: 'token', type: 'string', default: '' },
      { displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
    ];
    this.authenticate = {
      type: 'generic',
      properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
    };
  }
}

module.exports = { GreeterApi };
