import { apiRoute, json } from '$lib/server/api/handler';
import { openApiDocument } from '$lib/server/api/openapi';

/** The API's description, for anyone (it holds no data). */
export const GET = apiRoute('public', () => json(openApiDocument(), 200, { 'cache-control': 'no-cache' }));
