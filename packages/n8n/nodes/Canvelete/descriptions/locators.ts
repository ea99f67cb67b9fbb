import type { INodeProperties } from 'n8n-workflow';

// Canvelete ids are opaque strings; the editor URL carries the id as the path segment after
// /design/ or /editor/ (e.g. https://canvelete.com/editor/d_123?tab=layers).
const DESIGN_URL_REGEX = 'https?:\\/\\/[^/]+\\/(?:[^/]+\\/)*(?:design|designs|editor|templates?)\\/([-_A-Za-z0-9]+)';

function locator(
	kind: 'design' | 'template',
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	const label = kind === 'design' ? 'Design' : 'Template';
	return {
		displayName: label,
		name: kind,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${kind} to use`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${kind}...`,
				typeOptions: {
					searchListMethod: kind === 'design' ? 'searchDesigns' : 'searchTemplates',
					searchable: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: kind === 'design' ? 'e.g. d_1a2b3c' : 'e.g. t_1a2b3c',
				validation: [
					{
						type: 'regex',
						properties: { regex: '[-_A-Za-z0-9]+', errorMessage: `Not a valid ${kind} ID` },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://canvelete.com/editor/d_1a2b3c',
				extractValue: { type: 'regex', regex: DESIGN_URL_REGEX },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `${DESIGN_URL_REGEX}(?:.*)`,
							errorMessage: `Not a Canvelete ${kind} URL`,
						},
					},
				],
			},
		],
		...overrides,
	};
}

export const designLocator = (overrides?: Partial<INodeProperties>) => locator('design', overrides);
export const templateLocator = (overrides?: Partial<INodeProperties>) => locator('template', overrides);
