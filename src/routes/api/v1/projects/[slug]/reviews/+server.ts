import { apiRoute } from '$lib/server/api/handler';
import { createReviewResponse, listReviewsResponse } from '$lib/server/api/reviews';

export const GET = apiRoute('read', listReviewsResponse);
export const POST = apiRoute('write', createReviewResponse);
