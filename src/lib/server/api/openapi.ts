/**
 * The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json. A test checks it
 * against the routes (every route under src/routes/api/v1 is described, every described path
 * exists) and every response the API gives in its contract tests against these schemas.
 */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] });
const day: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a calendar day, YYYY-MM-DD' };
const instant: Schema = { type: 'string', description: 'an instant, ISO 8601 in UTC' };
const integer: Schema = { type: 'integer' };
const text: Schema = { type: 'string' };
const health: Schema = nullable({ type: 'number', minimum: 0, maximum: 100 });

function object(properties: Record<string, Schema>, optional: string[] = []): Schema {
	return {
		type: 'object',
		additionalProperties: false,
		required: Object.keys(properties).filter((k) => !optional.includes(k)),
		properties
	};
}

function page(item: string): Schema {
	return object({
		data: { type: 'array', items: ref(item) },
		nextCursor: { ...nullable(text), description: 'pass as `cursor` for the next page; null on the last page' }
	});
}

const REVIEW_STATUSES = ['never', 'ok', 'due_soon', 'overdue', 'lapsed', 'snoozed'];
const statusCounts = object(Object.fromEntries(REVIEW_STATUSES.map((s) => [s, integer])));
const title = object({ fr: text, en: text });

const schemas: Record<string, Schema> = {
	Problem: {
		type: 'object',
		description: 'RFC 9457 problem details, in the language of `Accept-Language` (or the token owner’s)',
		required: ['type', 'title', 'status', 'detail', 'instance'],
		properties: {
			type: { type: 'string', description: 'a URN naming the kind of problem, e.g. urn:vigie:problem:validation' },
			title: text,
			status: integer,
			detail: text,
			instance: { type: 'string', description: 'the path that was asked for' },
			errors: {
				type: 'array',
				items: object(
					{
						pointer: { type: 'string', description: 'JSON Pointer into the request body' },
						parameter: { type: 'string', description: 'the query parameter at fault' },
						code: { type: 'string', description: 'the message key, stable across languages' },
						detail: text
					},
					['pointer', 'parameter']
				)
			},
			errorId: { type: 'string', description: 'the incident’s reference in the server’s log (500 only)' },
			warnings: { type: 'array', items: ref('RepeatedCommentWarning') }
		}
	},
	RepeatedCommentWarning: object({
		pointer: text,
		watchpoint: { type: 'string', description: 'the watch-point’s key' },
		kind: { type: 'string', enum: ['similar', 'formulaic', 'empty'] },
		similarity: { type: 'integer', minimum: 0, maximum: 100 },
		previousReviewId: integer,
		previousOn: day,
		previousComment: text
	}),
	Project: object({
		id: integer,
		slug: text,
		name: text,
		status: { type: 'string', enum: ['active', 'paused', 'closed'] },
		archived: { type: 'boolean' },
		startDate: day,
		access: { type: 'string', enum: ['admin', 'coordinator', 'contributor', 'viewer'], description: 'the caller’s standing in the project' }
	}),
	WatchpointStatus: object({
		key: text,
		kind: { type: 'string', enum: ['success_factor', 'vigilance'] },
		title,
		status: { type: 'string', enum: REVIEW_STATUSES },
		dueOn: day,
		graceEndsOn: day,
		daysUntilDue: { type: 'integer', description: 'positive: days left; negative: days late' },
		lastReviewedOn: nullable(day),
		rating: nullable({ type: 'integer', minimum: 1, maximum: 4 }),
		ratedOn: nullable(day),
		cadenceDays: integer,
		graceDays: integer,
		snoozedUntil: nullable(day),
		owner: nullable(text)
	}),
	ProjectDetail: object({
		id: integer,
		slug: text,
		name: text,
		status: { type: 'string', enum: ['active', 'paused', 'closed'] },
		archived: { type: 'boolean' },
		startDate: day,
		access: { type: 'string', enum: ['admin', 'coordinator', 'contributor', 'viewer'] },
		description: text,
		trigger: text,
		stakes: text,
		ambition: text,
		defaultCadenceDays: integer,
		defaultGraceDays: integer,
		members: {
			type: 'array',
			items: object({ userId: integer, name: text }),
			description: 'the members with an enabled account, by name: who may lead a review (its facilitatorUserId)'
		},
		health,
		counts: statusCounts,
		lastReviewOn: nullable(day),
		reviewCount: integer,
		openActions: integer,
		overdueActions: integer,
		watchpoints: { type: 'array', items: ref('WatchpointStatus'), description: 'most urgent first' }
	}),
	ReviewSummary: object({
		id: integer,
		heldOn: day,
		facilitator: text,
		facilitatorUserId: { ...nullable(integer), description: 'the member account that led it, when one did' },
		participantCount: integer,
		levels: { type: 'array', items: { type: 'string', enum: ['political', 'technical', 'operational', 'other'] } },
		assessedCount: integer,
		health,
		actionCount: integer
	}),
	ReviewAction: object({
		id: integer,
		title: text,
		owner: text,
		dueOn: nullable(day),
		status: { type: 'string', enum: ['open', 'done', 'dropped'] },
		closedOn: nullable(day)
	}),
	Review: object({
		id: integer,
		heldOn: day,
		facilitator: text,
		facilitatorUserId: { ...nullable(integer), description: 'the member account that led it, when one did' },
		notes: text,
		health,
		participants: {
			type: 'array',
			items: object({ id: integer, name: text, organisation: text, level: { type: 'string', enum: ['political', 'technical', 'operational', 'other'] } })
		},
		assessments: {
			type: 'array',
			items: object({
				watchpoint: object({ key: text, kind: { type: 'string', enum: ['success_factor', 'vigilance'] }, title, retired: { type: 'boolean' } }),
				rating: nullable({ type: 'integer', minimum: 1, maximum: 4 }),
				comment: text,
				actions: { type: 'array', items: ref('ReviewAction') }
			})
		},
		createdAt: instant,
		updatedAt: nullable(instant)
	}),
	NewReview: {
		type: 'object',
		required: ['heldOn', 'assessments'],
		properties: {
			heldOn: { ...day, description: 'the day the review was held: today or before' },
			facilitator: { type: 'string', description: 'who led it; may be left out when `facilitatorUserId` is given, whose name it then takes' },
			facilitatorUserId: {
				...nullable(integer),
				description: 'the account id of the project member who led it (422 if it is not one of the project’s members)'
			},
			notes: text,
			participants: { type: 'array', items: integer, description: 'ids of the project’s actors' },
			assessments: {
				type: 'array',
				items: {
					type: 'object',
					required: ['watchpoint'],
					properties: {
						watchpoint: { type: 'string', description: 'the key of a watch-point the project tracks' },
						rating: { ...nullable({ type: 'integer', minimum: 1, maximum: 4 }), description: '1 critical, 2 fragile, 3 satisfactory, 4 solid; null: not assessed' },
						comment: text,
						action: nullable({
							type: 'object',
							required: ['title'],
							properties: { title: text, owner: text, dueOn: nullable(day) }
						})
					}
				}
			},
			confirmRepeats: {
				type: 'boolean',
				description: 'true saves comments that repeat the previous ones; otherwise such a review is answered 409 with the warnings'
			}
		}
	},
	Action: object({
		id: integer,
		title: text,
		owner: text,
		dueOn: nullable(day),
		status: { type: 'string', enum: ['open', 'done', 'dropped'] },
		closedOn: nullable(day),
		createdAt: instant,
		watchpoint: nullable(object({ key: text, kind: { type: 'string', enum: ['success_factor', 'vigilance'] }, title })),
		reviewId: nullable(integer)
	}),
	NewAction: {
		type: 'object',
		required: ['title'],
		properties: { title: text, owner: text, dueOn: nullable(day), watchpoint: nullable({ type: 'string', description: 'a tracked watch-point’s key' }) }
	},
	ActionClosing: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['done', 'dropped'] } } },
	Alert: object({
		id: integer,
		rule: text,
		severity: { type: 'string', enum: ['info', 'warning', 'critical'] },
		status: { type: 'string', enum: ['open', 'acknowledged', 'snoozed', 'resolved'] },
		text: { type: 'string', description: 'why, in the caller’s language' },
		explanation: object({ key: text, params: { type: 'object', additionalProperties: { type: ['string', 'number'] } } }),
		project: nullable(object({ slug: text, name: text })),
		watchpoint: nullable(object({ key: text, title })),
		reviews: { type: 'array', items: object({ id: integer, heldOn: day }) },
		beganOn: { ...nullable(day), description: 'the day the situation began (a grace period’s end, an action’s due day), when the rule knows it' },
		firstSeenAt: instant,
		lastSeenAt: instant,
		resolvedAt: nullable(instant),
		resolvedBy: nullable(text),
		note: nullable(text),
		snoozedUntil: nullable(day),
		previousAlertId: nullable(integer)
	}),
	AlertNote: {
		type: 'object',
		required: ['note'],
		properties: {
			note: text,
			expectedStatus: { type: 'string', enum: ['open', 'acknowledged', 'snoozed', 'resolved'], description: 'refused with 409 if the alert’s status moved since' }
		}
	},
	AlertSnooze: {
		type: 'object',
		required: ['until'],
		properties: {
			until: { ...day, description: 'after today, at most 365 days ahead' },
			note: nullable(text),
			expectedStatus: { type: 'string', enum: ['open', 'acknowledged', 'snoozed', 'resolved'] }
		}
	},
	Portfolio: object({
		projectCount: integer,
		archivedCount: integer,
		projects: {
			type: 'array',
			items: object({
				slug: text,
				name: text,
				status: { type: 'string', enum: ['active', 'paused', 'closed'] },
				archived: { type: 'boolean' },
				trackedCount: integer,
				health,
				counts: statusCounts,
				neverReviewed: integer,
				lastReviewOn: nullable(day),
				reviewCount: integer,
				openActions: integer,
				overdueActions: integer,
				openAlerts: { type: 'integer', description: 'open alerts (acknowledged and snoozed ones are silenced)' },
				habitAlerts: { type: 'integer', description: 'of the open alerts, those about habits' },
				criticalAlerts: { type: 'integer', description: 'of the open alerts, the critical ones' }
			})
		},
		trend: { type: 'array', items: object({ month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, health, projects: integer }) }
	}),
	PageOfProjects: page('Project'),
	PageOfReviews: page('ReviewSummary'),
	PageOfActions: page('Action'),
	PageOfAlerts: page('Alert')
};

const problemContent = { 'application/problem+json': { schema: ref('Problem') } };
const problemResponse = (description: string) => ({ description, content: problemContent });
const R = {
	400: problemResponse('a query parameter or the body cannot be read (`errors` names it)'),
	401: problemResponse('no valid bearer token (or, for reads, no signed-in browser); a cookie never authorises a write'),
	403: problemResponse('the token is read-only, or the owner’s role in the project does not allow it'),
	404: problemResponse('no such record, or one of a project the token’s owner is not a member of'),
	409: problemResponse('the record changed meanwhile, or cannot change from its state'),
	415: problemResponse('the body is not `application/json`'),
	422: problemResponse('the input breaks a rule of the form; `errors` lists each field (JSON Pointer) with its message'),
	429: problemResponse('too many requests for this token: wait for `Retry-After` seconds')
};
const ok = (description: string, schema: string) => ({ description, content: { 'application/json': { schema: ref(schema) } } });

const slugParam = { name: 'slug', in: 'path', required: true, schema: text };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+$' } };
const pagination = [
	{ name: 'cursor', in: 'query', required: false, schema: text, description: 'the `nextCursor` of the previous page' },
	{ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }
];
const json = (schema: string) => ({ required: true, content: { 'application/json': { schema: ref(schema) } } });
const read = [{ bearer: [] }, { session: [] }];
const write = [{ bearer: [] }];

export function openApiDocument() {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Vigie API',
			version: '1.0.0',
			description:
				'Read and record the reviews of your cooperation projects. Authenticate with a personal access token (Account › Access tokens, or `npx vigie token create`) sent as `Authorization: Bearer vgi_…`. A token sees exactly what its owner sees: members see their projects, others get 404; a `read` token never writes. Reads also work from a signed-in browser (session cookie); writes need a token. Lists are paged with an opaque `cursor`. Errors are RFC 9457 problem details in the language of `Accept-Language` (French or English), otherwise the token owner’s. Requests are limited per token (429 with `Retry-After`). A write that waits too long for the database (another process holding it) is answered 503 with `Retry-After`, nothing saved: send it again.'
		},
		servers: [{ url: '/api/v1' }],
		components: {
			schemas,
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'a personal access token, `vgi_…`' },
				session: { type: 'apiKey', in: 'cookie', name: 'vigie_session', description: 'a signed-in browser; GET only' }
			}
		},
		paths: {
			'/openapi.json': {
				get: { operationId: 'getOpenApi', summary: 'This document', security: [], responses: { 200: { description: 'the OpenAPI document', content: { 'application/json': { schema: { type: 'object' } } } } } }
			},
			'/projects': {
				get: {
					operationId: 'listProjects',
					summary: 'The projects the caller may see (every project for an administrator), by id',
					security: read,
					parameters: pagination,
					responses: { 200: ok('a page of projects', 'PageOfProjects'), 400: R[400], 401: R[401], 429: R[429] }
				}
			},
			'/projects/{slug}': {
				get: {
					operationId: 'getProject',
					summary: 'A project, its figures and the review status of each tracked watch-point',
					security: read,
					parameters: [slugParam],
					responses: { 200: ok('the project', 'ProjectDetail'), 401: R[401], 404: R[404] }
				}
			},
			'/projects/{slug}/reviews': {
				get: {
					operationId: 'listReviews',
					summary: 'The project’s reviews, newest first',
					security: read,
					parameters: [slugParam, ...pagination],
					responses: { 200: ok('a page of reviews', 'PageOfReviews'), 400: R[400], 401: R[401], 404: R[404] }
				},
				post: {
					operationId: 'createReview',
					summary: 'Record a review, with the review form’s rules and its warning about repeated comments',
					security: write,
					parameters: [slugParam],
					requestBody: json('NewReview'),
					responses: {
						201: { ...ok('the review as saved', 'Review'), headers: { Location: { schema: text } } },
						400: R[400],
						401: R[401],
						403: R[403],
						404: R[404],
						409: problemResponse('comments repeat the previous ones (`warnings`; send `confirmRepeats: true` to save anyway), or the review names something outside the project'),
						415: R[415],
						422: R[422]
					}
				}
			},
			'/projects/{slug}/reviews/{id}': {
				get: {
					operationId: 'getReview',
					summary: 'One review with its participants, assessments and the actions they led to',
					security: read,
					parameters: [slugParam, idParam],
					responses: { 200: ok('the review', 'Review'), 401: R[401], 404: R[404] }
				}
			},
			'/projects/{slug}/actions': {
				get: {
					operationId: 'listActions',
					summary: 'The project’s follow-up actions, oldest first',
					security: read,
					parameters: [slugParam, { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'closed', 'all'], default: 'all' } }, ...pagination],
					responses: { 200: ok('a page of actions', 'PageOfActions'), 400: R[400], 401: R[401], 404: R[404] }
				},
				post: {
					operationId: 'createAction',
					summary: 'Add a follow-up action',
					security: write,
					parameters: [slugParam],
					requestBody: json('NewAction'),
					responses: { 201: ok('the action', 'Action'), 400: R[400], 401: R[401], 403: R[403], 404: R[404], 415: R[415], 422: R[422] }
				}
			},
			'/projects/{slug}/actions/{id}/close': {
				post: {
					operationId: 'closeAction',
					summary: 'Mark an open action done or dropped',
					security: write,
					parameters: [slugParam, idParam],
					requestBody: json('ActionClosing'),
					responses: { 200: ok('the action, closed', 'Action'), 401: R[401], 403: R[403], 404: R[404], 409: R[409], 422: R[422] }
				}
			},
			'/alerts': {
				get: {
					operationId: 'listAlerts',
					summary: 'Alerts of the caller’s projects, newest first',
					security: read,
					parameters: [
						{ name: 'project', in: 'query', required: false, schema: text, description: 'a project’s slug' },
						{ name: 'rule', in: 'query', required: false, schema: text },
						{ name: 'severity', in: 'query', required: false, schema: { type: 'string', enum: ['info', 'warning', 'critical'] } },
						{ name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['live', 'open', 'acknowledged', 'snoozed', 'resolved', 'all'], default: 'live' } },
						...pagination
					],
					responses: { 200: ok('a page of alerts', 'PageOfAlerts'), 400: R[400], 401: R[401] }
				}
			},
			'/alerts/{id}/acknowledge': {
				post: {
					operationId: 'acknowledgeAlert',
					summary: 'Silence an alert with a note until its condition clears',
					security: write,
					parameters: [idParam],
					requestBody: json('AlertNote'),
					responses: { 200: ok('the alert', 'Alert'), 401: R[401], 403: R[403], 404: R[404], 409: R[409], 422: R[422] }
				}
			},
			'/alerts/{id}/snooze': {
				post: {
					operationId: 'snoozeAlert',
					summary: 'Hide an alert until a day',
					security: write,
					parameters: [idParam],
					requestBody: json('AlertSnooze'),
					responses: { 200: ok('the alert', 'Alert'), 401: R[401], 403: R[403], 404: R[404], 409: R[409], 422: R[422] }
				}
			},
			'/alerts/{id}/resolve': {
				post: {
					operationId: 'resolveAlert',
					summary: 'Close an alert by hand, with a note',
					security: write,
					parameters: [idParam],
					requestBody: json('AlertNote'),
					responses: { 200: ok('the alert', 'Alert'), 401: R[401], 403: R[403], 404: R[404], 409: R[409], 422: R[422] }
				}
			},
			'/portfolio': {
				get: {
					operationId: 'getPortfolio',
					summary: 'The dashboard’s figures over the caller’s projects',
					security: read,
					parameters: [{ name: 'archived', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'], default: 'false' } }],
					responses: { 200: ok('the figures', 'Portfolio'), 400: R[400], 401: R[401] }
				}
			}
		}
	};
}
