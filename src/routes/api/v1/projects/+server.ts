import { apiRoute } from '$lib/server/api/handler';
import { listProjectsResponse } from '$lib/server/api/projects';

export const GET = apiRoute('read', listProjectsResponse);
