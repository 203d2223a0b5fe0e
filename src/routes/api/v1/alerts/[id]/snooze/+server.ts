import { apiRoute } from '$lib/server/api/handler';
import { changeAlertResponse } from '$lib/server/api/alerts';

export const POST = apiRoute('write', changeAlertResponse('snooze'));
