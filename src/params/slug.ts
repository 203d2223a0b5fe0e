import type { ParamMatcher } from '@sveltejs/kit';
import { SLUG_PATTERN } from '$lib/domain/validation';

export const match: ParamMatcher = (param) => SLUG_PATTERN.test(param);
