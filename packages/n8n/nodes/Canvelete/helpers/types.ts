import type { Canvelete } from '@canvelete/core';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { FieldCache } from './render-input';

/** What every per-item operation receives besides the item index. */
export interface OperationContext {
	client: Canvelete;
	fieldCache: FieldCache;
}

/** An operation that runs once per input item and returns that item's output items. */
export type ItemOperation = (
	this: IExecuteFunctions,
	operation: OperationContext,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;
