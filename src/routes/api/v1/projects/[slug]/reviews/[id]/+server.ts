import { apiRoute } from '$lib/server/api/handler';
import { reviewResponse } from '$lib/server/api/reviews';

export const GET = apiRoute('read', reviewResponse);
