import type { PortfolioFilters } from '$lib/server/queries/portfolio';

export function isFiltered(f: PortfolioFilters): boolean {
	return f.q !== '' || f.attention !== null || f.alerts !== null || f.kind !== null || f.status !== null || f.archived;
}

/** The address of `path` with these filters and the other parameters given (null: left out). */
export function filtersHref(path: string, f: PortfolioFilters, more: Record<string, string | null> = {}): string {
	const params = new URLSearchParams();
	if (f.q) params.set('q', f.q);
	if (f.attention) params.set('attention', f.attention);
	if (f.alerts) params.set('alerts', f.alerts);
	if (f.kind) params.set('kind', f.kind);
	if (f.status) params.set('status', f.status);
	if (f.archived) params.set('archived', '1');
	for (const [name, value] of Object.entries(more)) if (value !== null) params.set(name, value);
	const query = params.toString();
	return query ? `${path}?${query}` : path;
}
