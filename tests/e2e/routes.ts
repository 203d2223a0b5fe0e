/**
 * What the application answers, read from `src/routes` itself: every page, every page `load`,
 * every method of an endpoint, every form action, and the query parameters and form fields each
 * route reads. The permission matrix, the fuzz test and the accessibility run all start from here,
 * so a new route is checked without anyone remembering to list it for them (the matrix asks for it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { ROOT } from './server';

export const ROUTES_DIR = join(ROOT, 'src/routes');

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

function routeIdOf(file: string): string {
	const dir = relative(ROUTES_DIR, join(file, '..')).split(sep).join('/');
	return dir === '' ? '/' : `/${dir}`;
}

function sourceOf(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function isExported(node: ts.Node): boolean {
	return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** Names a module exports: `export const x`, `export function x`, `export { x }`. */
function exportedNames(source: ts.SourceFile): Map<string, ts.Expression | null> {
	const names = new Map<string, ts.Expression | null>();
	for (const statement of source.statements) {
		if (ts.isVariableStatement(statement) && isExported(statement)) {
			for (const d of statement.declarationList.declarations) {
				if (ts.isIdentifier(d.name)) names.set(d.name.text, d.initializer ?? null);
			}
		} else if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) {
			names.set(statement.name.text, null);
		} else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
			for (const e of statement.exportClause.elements) names.set(e.name.text, null);
		}
	}
	return names;
}

/** The keys of `export const actions = { … }` (through `satisfies` / `as` if any). */
function actionNames(file: string): string[] {
	let value = exportedNames(sourceOf(file)).get('actions') ?? null;
	while (value && (ts.isSatisfiesExpression(value) || ts.isAsExpression(value) || ts.isParenthesizedExpression(value))) {
		value = value.expression;
	}
	if (value === null) return [];
	if (!ts.isObjectLiteralExpression(value)) throw new Error(`${file}: cannot read the names of its actions`);
	return value.properties.map((p) => {
		if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
			throw new Error(`${file}: an action whose name cannot be read`);
		}
		return p.name.text;
	});
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

/** Every (route, request) the application answers: `GET`, a method of an endpoint, or `POST ?/action`. */
export function discoverRoutes(): Set<string> {
	const found = new Set<string>();
	const files = walk(ROUTES_DIR);
	for (const file of files) {
		const route = routeIdOf(file);
		const name = file.split(sep).at(-1)!;
		if (name === '+page.svelte') found.add(`${route} GET`);
		if (name === '+page.server.ts' || name === '+page.ts') {
			if (exportedNames(sourceOf(file)).has('load')) found.add(`${route} GET`);
			if (name === '+page.server.ts') for (const action of actionNames(file)) found.add(`${route} POST ${action}`);
		}
		if (name === '+server.ts' || name === '+server.js') {
			for (const method of exportedNames(sourceOf(file)).keys()) if (HTTP_METHODS.includes(method)) found.add(`${route} ${method}`);
		}
	}
	return found;
}

/** Every page a browser shows (a folder with a `+page.svelte`), as its route id, sorted. */
export function discoverPages(): string[] {
	return walk(ROUTES_DIR)
		.filter((file) => file.split(sep).at(-1) === '+page.svelte')
		.map(routeIdOf)
		.sort();
}

/** The TypeScript files of a route and of its folder's helpers (not its sub-routes'). */
function routeSources(route: string): string[] {
	const dir = route === '/' ? ROUTES_DIR : join(ROUTES_DIR, ...route.slice(1).split('/'));
	return readdirSync(dir)
		.filter((name) => /\.(ts|js)$/.test(name) && !name.endsWith('.test.ts'))
		.map((name) => join(dir, name));
}

function matches(sources: string[], patterns: RegExp[]): string[] {
	const found = new Set<string>();
	for (const file of sources) {
		const text = readFileSync(file, 'utf8');
		for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.add(m[1]);
	}
	return [...found].sort();
}

/**
 * The query parameters a route reads: `url.searchParams.get('x')` (and `has`, `getAll`), and the
 * readers of `$lib/server/http/query.ts` (`queryPage(url)` reads `page`).
 */
export function queryParametersOf(route: string): string[] {
	const sources = routeSources(route);
	const named = matches(sources, [
		/searchParams\.(?:get|has|getAll)\(\s*'([^']+)'/g,
		/query(?:Page|Id|Choice)(?:<[^>]*>)?\(\s*url\s*,\s*'([^']+)'/g
	]);
	const pages = sources.some((file) => /queryPage\(\s*url\s*\)/.test(readFileSync(file, 'utf8'))) ? ['page'] : [];
	return [...new Set([...named, ...pages])].sort();
}

/** The form fields a route's actions read: `form.text('x')`, `data.get('x')`, `readPassword(data, 'x')`… */
export function formFieldsOf(route: string): string[] {
	return matches(routeSources(route), [
		/\.(?:text|raw|integer|date|choice|email|optionalText|all|get|getAll)(?:<[^>]*>)?\(\s*[`']([^`'$]+)[`']/g,
		/readPassword\(\s*\w+\s*,\s*'([^']+)'/g
	]).filter((name) => !['content-type', 'user-agent', 'x-sveltekit-action', 'origin'].includes(name));
}
