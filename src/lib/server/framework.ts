import type { Db } from './db';

/** Loads the framework's watch-points on first start; returns how many were added. */
export function ensureFramework(_db: Db): { added: number } {
	return { added: 0 };
}
