import { apiRoute } from '$lib/server/api/handler';
import { projectResponse } from '$lib/server/api/projects';

export const GET = apiRoute('read', projectResponse);
