import type { FieldSpec } from '@canvelete/core';
import { describeFields } from '@canvelete/core';
import type {
	FieldType,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';
import { canveleteClient } from '../../shared/client';
import { toNodeError } from '../../shared/errors';

const FIELD_TYPES: Record<FieldSpec['kind'], FieldType> = {
	text: 'string',
	image: 'string',
	qr: 'string',
	barcode: 'string',
	color: 'string',
	number: 'number',
	boolean: 'boolean',
};

const KIND_HINT: Partial<Record<FieldSpec['kind'], string>> = {
	image: 'image URL',
	color: 'colour',
	qr: 'QR code',
	barcode: 'barcode',
};

function toMapperField(spec: FieldSpec): ResourceMapperField {
	const hint = KIND_HINT[spec.kind];
	return {
		id: spec.key,
		displayName: hint ? `${spec.label} (${hint})` : spec.label,
		required: spec.required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: FIELD_TYPES[spec.kind],
	};
}

/**
 * The dynamic fields of the chosen design or template as resource-mapper fields, from the core's
 * describeFields (typed, with required flags). Empty when nothing is chosen yet.
 */
export async function getFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const kind = (this.getNodeParameter('source', 'design') as 'design' | 'template') || 'design';
	const id = String(this.getNodeParameter(kind, '', { extractValue: true }) ?? '').trim();
	if (!id) return { fields: [] };
	try {
		const { client } = await canveleteClient(this);
		const design = kind === 'design' ? await client.designs.retrieve(id) : await client.templates.retrieve(id);
		return { fields: describeFields(design).map(toMapperField) };
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
