// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Lang } from '$lib/i18n';
import type { SessionUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			lang: Lang;
			/** the person signed in, checked on every request by hooks.server.ts; null when signed out */
			user: SessionUser | null;
			session: { id: string; expiresAt: string; absoluteExpiresAt: string } | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
