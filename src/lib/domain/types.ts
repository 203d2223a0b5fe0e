/** The vocabulary of Vigie's domain, shared by the rules, the database schema and the pages. */

export const WATCHPOINT_KINDS = ['success_factor', 'vigilance'] as const;
export type WatchpointKind = (typeof WATCHPOINT_KINDS)[number];

export const PROJECT_STATUSES = ['active', 'paused', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const ACTOR_LEVELS = ['political', 'technical', 'operational', 'other'] as const;
export type ActorLevel = (typeof ACTOR_LEVELS)[number];

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** 1 critical, 2 fragile, 3 satisfactory, 4 solid: four levels, no neutral middle. */
export const RATINGS = [1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];

export const REVIEW_STATUSES = ['never', 'ok', 'due_soon', 'overdue', 'lapsed', 'snoozed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATUSES = ['open', 'acknowledged', 'snoozed', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** A calendar day as `YYYY-MM-DD`. */
export type IsoDate = string;

/** What a person may do in one project (given by an admin, or by the invitation that brought them). */
export const PROJECT_ROLES = ['coordinator', 'contributor', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/** What the audit log records: every sign-in, failure and change of who may do what. */
export const AUDIT_EVENTS = [
	'sign_in',
	'sign_in_failed',
	'sign_in_throttled',
	'sign_out',
	'admin_created',
	'user_invited',
	'invitation_accepted',
	'invitation_revoked',
	'invitation_link_shown',
	'invitation_resent',
	'user_disabled',
	'user_enabled',
	'password_changed',
	'project_member_added',
	'project_member_removed',
	'project_role_changed',
	'project_member_invited',
	'project_invitation_declined',
	'project_invitation_withdrawn',
	'api_token_created',
	'api_token_revoked',
	'history_imported'
] as const;
export type AuditEventType = (typeof AUDIT_EVENTS)[number];

/** How often a person receives the digest of one project (or, for an administrator, of the whole portfolio). */
export const DIGEST_FREQUENCIES = ['daily', 'weekly', 'off'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** The formats a project's webhook can post in: Vigie's own JSON, or a chat platform's incoming webhook. */
export const WEBHOOK_FORMATS = ['generic', 'slack', 'mattermost', 'teams', 'discord'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** What a project's webhook may be told of. */
export const WEBHOOK_EVENTS = ['alert.opened', 'alert.critical', 'alert.resolved', 'project.reminder'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
