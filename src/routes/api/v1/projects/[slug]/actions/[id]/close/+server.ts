import { apiRoute } from '$lib/server/api/handler';
import { closeActionResponse } from '$lib/server/api/actions';

export const POST = apiRoute('write', closeActionResponse);
