/**
 * Errors of the JSON API as RFC 9457 problem details (`application/problem+json`): `type`,
 * `title`, `status`, `detail`, `instance`, and, for input that cannot be accepted, `errors` —
 * one entry per field (`pointer`, a JSON Pointer into the body) or query parameter
 * (`parameter`), each with the catalogue key (`code`) and its message in the caller's language.
 *
 * `type` is a URN naming the kind of problem (listed in the OpenAPI document); `about:blank`
 * where the HTTP status says it all.
 */
import { translate, type Lang, type Message, type MessageKey, type MessageParams } from '../../i18n';

export const PROBLEM_TYPES = {
	unauthorized: 'urn:vigie:problem:unauthorized',
	forbidden: 'urn:vigie:problem:forbidden',
	insufficientScope: 'urn:vigie:problem:insufficient-scope',
	notFound: 'urn:vigie:problem:not-found',
	badRequest: 'urn:vigie:problem:bad-request',
	validation: 'urn:vigie:problem:validation',
	repeatedComments: 'urn:vigie:problem:repeated-comments',
	conflict: 'urn:vigie:problem:conflict',
	rateLimited: 'urn:vigie:problem:rate-limited',
	busy: 'urn:vigie:problem:busy',
	internal: 'urn:vigie:problem:internal'
} as const;
export type ProblemKind = keyof typeof PROBLEM_TYPES;

export interface ProblemFieldError {
	/** a JSON Pointer into the request's body (`/assessments/0/rating`) */
	pointer?: string;
	/** a query parameter */
	parameter?: string;
	code: string;
	detail: string;
}

export interface ProblemBody {
	type: string;
	title: string;
	status: number;
	detail: string;
	instance: string;
	errors?: ProblemFieldError[];
	[extension: string]: unknown;
}

/** A field's problem before it is put in the caller's language. */
export interface FieldProblem {
	pointer?: string;
	parameter?: string;
	message: Message;
}

/** Thrown inside an API handler; the wrapper turns it into the problem response. */
export class ApiProblem extends Error {
	constructor(
		readonly kind: ProblemKind,
		readonly status: number,
		readonly detail: Message,
		readonly fields: FieldProblem[] = [],
		readonly extensions: Record<string, unknown> = {},
		readonly headers: Record<string, string> = {}
	) {
		super(`${status} ${kind}: ${detail.key}`);
		this.name = 'ApiProblem';
	}
}

export function problem(kind: ProblemKind, status: number, key: MessageKey, params?: MessageParams, fields: FieldProblem[] = []): ApiProblem {
	return new ApiProblem(kind, status, { key, params }, fields);
}

export const notFound = () => problem('notFound', 404, 'api.problem.not_found');

/** A bad query parameter (400). */
export function badParameter(parameter: string, message: Message): ApiProblem {
	return new ApiProblem('badRequest', 400, { key: 'api.problem.bad_parameter', params: { parameter } }, [{ parameter, message }]);
}

export function problemBody(p: ApiProblem, lang: Lang, instance: string): ProblemBody {
	const body: ProblemBody = {
		type: PROBLEM_TYPES[p.kind],
		title: translate(lang, `api.problem.title.${p.kind}`),
		status: p.status,
		detail: translate(lang, p.detail.key, p.detail.params),
		instance,
		...p.extensions
	};
	if (p.fields.length > 0) {
		body.errors = p.fields.map((f) => ({
			...(f.pointer !== undefined ? { pointer: f.pointer } : {}),
			...(f.parameter !== undefined ? { parameter: f.parameter } : {}),
			code: f.message.key,
			detail: translate(lang, f.message.key, f.message.params)
		}));
	}
	return body;
}

export function problemResponse(p: ApiProblem, lang: Lang, instance: string): Response {
	return new Response(JSON.stringify(problemBody(p, lang, instance)), {
		status: p.status,
		headers: { 'content-type': 'application/problem+json', 'content-language': lang, ...p.headers }
	});
}
