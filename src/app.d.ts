// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Lang } from '$lib/i18n';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			lang: Lang;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
