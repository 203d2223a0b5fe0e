import { apiRoute } from '$lib/server/api/handler';
import { portfolioResponse } from '$lib/server/api/projects';

export const GET = apiRoute('read', portfolioResponse);
