import { apiRoute } from '$lib/server/api/handler';
import { listAlertsResponse } from '$lib/server/api/alerts';

export const GET = apiRoute('read', listAlertsResponse);
