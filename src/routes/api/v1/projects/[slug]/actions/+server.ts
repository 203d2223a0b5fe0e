import { apiRoute } from '$lib/server/api/handler';
import { createActionResponse, listActionsResponse } from '$lib/server/api/actions';

export const GET = apiRoute('read', listActionsResponse);
export const POST = apiRoute('write', createActionResponse);
