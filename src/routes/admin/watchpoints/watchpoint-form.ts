/** The fields of the watch-point form, shared by the "add" and "edit" pages. */
import { WATCHPOINT_KINDS, type WatchpointKind } from '$lib/domain/types';
import { FormReader, LIMITS } from '$lib/domain/validation';
import type { WatchpointWording } from '$lib/server/framework';

export function readWording(form: FormReader): WatchpointWording {
	return {
		titleFr: form.text('titleFr', { required: true, max: LIMITS.name }),
		textFr: form.text('textFr', { required: true, max: LIMITS.text }),
		titleEn: form.text('titleEn', { required: true, max: LIMITS.name }),
		textEn: form.text('textEn', { required: true, max: LIMITS.text })
	};
}

export function readKind(form: FormReader): WatchpointKind | null {
	return form.choice('kind', WATCHPOINT_KINDS);
}
