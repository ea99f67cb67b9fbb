import type { INodeProperties } from 'n8n-workflow';

/** "What should the node output for a render": URL + metadata, the file, or both. */
export function outputProperties(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			displayOptions: { show },
			options: [
				{
					name: 'URL and Metadata',
					value: 'json',
					description: 'The render record: ID, status, URL, format, size',
				},
				{
					name: 'Binary File',
					value: 'binary',
					description: 'The rendered file as binary data (plus the render ID)',
				},
				{
					name: 'Both',
					value: 'both',
					description: 'The render record and the file',
				},
			],
			default: 'both',
			description: 'What each output item carries',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: { show: { ...show, output: ['binary', 'both'] } },
			hint: 'The name of the output binary field to put the file in',
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: 'canvelete-{renderId}.{format}',
			displayOptions: { show: { ...show, output: ['binary', 'both'] } },
			description:
				'File name of the binary output. Placeholders: {renderId}, {format}, {designId}, {templateId}, {reference}. Expressions work too.',
		},
	];
}
