// The Pipedream registry's component rules (PipedreamHQ/pipedream eslint.config.mjs), as errors.
// `default-value-required-for-optional-props` stays off as in the registry: blank optional props
// mean "keep the design's value", which no default expresses.
import pipedream from '@pipedream/eslint-plugin-pipedream';

const componentRules = {
  'pipedream/required-properties-key': 'error',
  'pipedream/required-properties-name': 'error',
  'pipedream/required-properties-version': 'error',
  'pipedream/required-properties-description': 'error',
  'pipedream/required-properties-type': 'error',
  'pipedream/props-label': 'error',
  'pipedream/props-description': 'error',
  'pipedream/source-name': 'error',
  'pipedream/source-description': 'error',
  'pipedream/no-ts-version': 'error',
  'pipedream/action-annotations': 'error',
};

export default [
  { ignores: ['**/test-event.mjs'] },
  {
    files: ['components/**/*.mjs'],
    plugins: { pipedream },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
  },
  {
    files: ['components/**/actions/**/*.mjs', 'components/**/sources/**/*.mjs'],
    rules: componentRules,
  },
  {
    files: ['components/**/*.app.mjs'],
    rules: { 'pipedream/props-label': 'error', 'pipedream/props-description': 'error' },
  },
];
