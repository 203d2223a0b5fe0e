/**
 * Vigie's tables. Dates of the domain (a review held on, an action due on) are calendar days
 * stored as ISO `YYYY-MM-DD` text; instants (created, seen, started) are ISO timestamps in UTC.
 * Both sort correctly as text, which the queries rely on.
 */
import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	integer,
	text,
	real,
	primaryKey,
	uniqueIndex,
	index
} from 'drizzle-orm/sqlite-core';
import type {
	ActionStatus,
	ActorLevel,
	AlertSeverity,
	AlertStatus,
	AuditEventType,
	DigestFrequency,
	ProjectRole,
	ProjectStatus,
	WatchpointKind,
	WebhookEventType,
	WebhookFormat
} from '../../domain/types';
import type { Lang } from '../../i18n';

const createdAt = () =>
	text('created_at')
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const watchpoint = sqliteTable('watchpoint', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	key: text('key').notNull().unique(),
	kind: text('kind').$type<WatchpointKind>().notNull(),
	titleFr: text('title_fr').notNull(),
	textFr: text('text_fr').notNull(),
	titleEn: text('title_en').notNull(),
	textEn: text('text_en').notNull(),
	position: integer('position').notNull(),
	/** true for the items of the seed document, false for those an admin added */
	fromSeed: integer('from_seed', { mode: 'boolean' }).notNull().default(false),
	retiredAt: text('retired_at'),
	createdAt: createdAt()
});

export const project = sqliteTable('project', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	/** élément déclencheur */
	trigger: text('trigger').notNull().default(''),
	/** enjeux */
	stakes: text('stakes').notNull().default(''),
	ambition: text('ambition').notNull().default(''),
	startDate: text('start_date').notNull(),
	status: text('status').$type<ProjectStatus>().notNull().default('active'),
	archivedAt: text('archived_at'),
	defaultCadenceDays: integer('default_cadence_days').notNull().default(90),
	defaultGraceDays: integer('default_grace_days').notNull().default(7),
	createdAt: createdAt(),
	updatedAt: text('updated_at')
});

export const actor = sqliteTable(
	'actor',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		organisation: text('organisation').notNull().default(''),
		level: text('level').$type<ActorLevel>().notNull(),
		role: text('role').notNull().default(''),
		/** "qui fait quoi" */
		responsibilities: text('responsibilities').notNull().default(''),
		email: text('email'),
		/** the member account this actor is, when they have one (so that Vigie can write to them) */
		userId: integer('user_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('actor_project_idx').on(t.projectId)]
);

export const commitment = sqliteTable(
	'commitment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		actorId: integer('actor_id')
			.notNull()
			.references(() => actor.id, { onDelete: 'cascade' }),
		description: text('description').notNull(),
		recordedOn: text('recorded_on').notNull(),
		/** "bien informer les protagonistes des engagements qu'ils prennent": null until they are */
		informedOn: text('informed_on'),
		createdAt: createdAt()
	},
	(t) => [index('commitment_project_idx').on(t.projectId)]
);

export const trackedWatchpoint = sqliteTable(
	'tracked_watchpoint',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		watchpointId: integer('watchpoint_id')
			.notNull()
			.references(() => watchpoint.id),
		/** null: the project's default */
		cadenceDays: integer('cadence_days'),
		/** null: the project's default */
		graceDays: integer('grace_days'),
		owner: text('owner'),
		/** the member account that owns it, beside the free-text owner (who may have no account) */
		ownerUserId: integer('owner_user_id').references(() => user.id, { onDelete: 'set null' }),
		snoozedUntil: text('snoozed_until'),
		/**
		 * The day the project started tracking this watch-point, when that was after the project
		 * itself was created (an item added to the framework later on, or restored: its clock starts
		 * again); null for the items a project tracked from its creation, whose clock starts with the
		 * project, so that an edited start date still moves it. The clock counts from the later of
		 * this day and the last review (or the project's start): see `clockStartsOn`.
		 */
		trackedSince: text('tracked_since')
	},
	(t) => [
		uniqueIndex('tracked_project_watchpoint_uq').on(t.projectId, t.watchpointId),
		/** the few snoozed watch-points, for the scan that looks for snoozes ended since a project was judged */
		index('tracked_snoozed_idx')
			.on(t.snoozedUntil, t.projectId)
			.where(sql`snoozed_until is not null`)
	]
);

export const review = sqliteTable(
	'review',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		heldOn: text('held_on').notNull(),
		facilitator: text('facilitator').notNull().default(''),
		/** the member account that facilitated it, when the facilitator has one */
		facilitatorUserId: integer('facilitator_user_id').references(() => user.id, { onDelete: 'set null' }),
		notes: text('notes').notNull().default(''),
		createdAt: createdAt(),
		updatedAt: text('updated_at')
	},
	(t) => [index('review_project_held_idx').on(t.projectId, t.heldOn)]
);

export const reviewParticipant = sqliteTable(
	'review_participant',
	{
		reviewId: integer('review_id')
			.notNull()
			.references(() => review.id, { onDelete: 'cascade' }),
		actorId: integer('actor_id')
			.notNull()
			.references(() => actor.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.reviewId, t.actorId] })]
);

export const assessment = sqliteTable(
	'assessment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reviewId: integer('review_id')
			.notNull()
			.references(() => review.id, { onDelete: 'cascade' }),
		watchpointId: integer('watchpoint_id')
			.notNull()
			.references(() => watchpoint.id),
		/** 1 critical, 2 fragile, 3 satisfactory, 4 solid; null: not assessed */
		rating: integer('rating'),
		comment: text('comment').notNull().default('')
	},
	(t) => [
		uniqueIndex('assessment_review_watchpoint_uq').on(t.reviewId, t.watchpointId),
		index('assessment_watchpoint_idx').on(t.watchpointId)
	]
);

export const action = sqliteTable(
	'action',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		/** the assessment that asked for it; null for an action added on its own */
		assessmentId: integer('assessment_id').references(() => assessment.id, {
			onDelete: 'set null'
		}),
		/**
		 * The review of that assessment, kept by the database itself (triggers of migration 0013,
		 * on every insert and every change of `assessment_id`, the set null of a deleted assessment
		 * included): the watch job reads it for every action without reading the assessments.
		 * Never written by the code.
		 */
		reviewId: integer('review_id'),
		watchpointId: integer('watchpoint_id').references(() => watchpoint.id),
		title: text('title').notNull(),
		owner: text('owner').notNull().default(''),
		/** the member account that owns it, beside the free-text owner */
		ownerUserId: integer('owner_user_id').references(() => user.id, { onDelete: 'set null' }),
		dueOn: text('due_on'),
		status: text('status').$type<ActionStatus>().notNull().default('open'),
		closedOn: text('closed_on'),
		createdAt: createdAt()
	},
	(t) => [
		index('action_project_status_idx').on(t.projectId, t.status),
		index('action_status_due_idx').on(t.status, t.dueOn),
		/** the open actions counted per project (the dashboard, the reminders) without reading the rows */
		index('action_status_project_due_idx').on(t.status, t.projectId, t.dueOn)
	]
);

/** Instance-wide settings (habit thresholds, …) as JSON values. */
export const setting = sqliteTable('setting', {
	key: text('key').primaryKey(),
	value: text('value', { mode: 'json' }).notNull(),
	updatedAt: text('updated_at')
});

export const alert = sqliteTable(
	'alert',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		rule: text('rule').notNull(),
		/** stable identity of what the alert is about, e.g. `tracked:12`, `action:40`, `project:3` */
		subjectKey: text('subject_key').notNull(),
		projectId: integer('project_id').references(() => project.id, { onDelete: 'cascade' }),
		watchpointId: integer('watchpoint_id').references(() => watchpoint.id),
		severity: text('severity').$type<AlertSeverity>().notNull(),
		status: text('status').$type<AlertStatus>().notNull().default('open'),
		/** message key and parameters, so that the explanation reads in the viewer's language */
		explanation: text('explanation', { mode: 'json' }).notNull(),
		/** review ids the rule compared */
		evidence: text('evidence', { mode: 'json' }),
		firstSeenAt: text('first_seen_at').notNull(),
		lastSeenAt: text('last_seen_at').notNull(),
		resolvedAt: text('resolved_at'),
		resolvedBy: text('resolved_by'),
		note: text('note'),
		snoozedUntil: text('snoozed_until'),
		previousAlertId: integer('previous_alert_id'),
		similarity: real('similarity'),
		/** the day the situation began (a point lapsed, an action fell late), whenever a scan noticed it */
		beganOn: text('began_on')
	},
	(t) => [
		/** by status, with what the dashboard counts per project: the open alerts are counted from the index alone */
		index('alert_status_project_idx').on(t.status, t.projectId, t.severity, t.rule),
		index('alert_rule_subject_idx').on(t.rule, t.subjectKey),
		/** at most one alert per rule and subject that is not resolved: the database keeps the promise even if two writers race */
		uniqueIndex('alert_rule_subject_live_uq')
			.on(t.rule, t.subjectKey)
			.where(sql`status <> 'resolved'`),
		index('alert_project_idx').on(t.projectId, t.status),
		// alerts opened and resolved month by month, across projects
		index('alert_first_seen_idx').on(t.firstSeenAt),
		index('alert_resolved_idx').on(t.resolvedAt),
		/** the digests read what opened, and what resolved, in a project since the last one */
		index('alert_project_first_seen_idx').on(t.projectId, t.firstSeenAt),
		index('alert_project_resolved_idx').on(t.projectId, t.resolvedAt)
	]
);

/**
 * The critical alerts whose immediate notices were queued (or that were already critical when
 * immediate notices began: the migration records those, so an upgrade sends no backlog). An
 * alert is told of at once one time only, whether it opened critical or became critical later.
 */
export const alertNotice = sqliteTable('alert_notice', {
	alertId: integer('alert_id')
		.primaryKey()
		.references(() => alert.id, { onDelete: 'cascade' }),
	noticedAt: text('noticed_at').notNull()
});

export type ScanTrigger = 'cron' | 'cli' | 'manual';
/** `interrupted`: the process running it died (its row was left `running`); the next scan says so */
export type ScanRunStatus = 'running' | 'completed' | 'failed' | 'skipped' | 'interrupted';

export const scanRun = sqliteTable('scan_run', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	startedAt: text('started_at').notNull(),
	finishedAt: text('finished_at'),
	asOf: text('as_of').notNull(),
	trigger: text('trigger').$type<ScanTrigger>().notNull(),
	/** running until it ends; skipped when another process held the scan lease */
	status: text('status').$type<ScanRunStatus>().notNull().default('running'),
	opened: integer('opened').notNull().default(0),
	resolved: integer('resolved').notNull().default(0),
	stillOpen: integer('still_open').notNull().default(0),
	error: text('error'),
	/** the process that ran it (`host:pid:id`), so that a run left `running` by a dead one can be closed */
	holder: text('holder'),
	/** projects whose history rules ran again (the others had not changed since their last scan) */
	evaluated: integer('evaluated')
});

/**
 * One row (id 1) whose `version` goes up with every write to the tables the watch job's rules
 * read (projects, actors, commitments, tracked watch-points, reviews, participants, assessments,
 * actions, watch-points, settings), bumped by triggers created in the migration, whichever
 * connection or process writes. A scan that finds the same version as the last one may reuse its
 * findings; sessions, audit rows, notifications and alerts leave it alone.
 */
export const watchDataVersion = sqliteTable('watch_data_version', {
	id: integer('id').primaryKey(),
	version: integer('version').notNull().default(0)
});

/** One row per named lease: keeps two processes from running the same job at once. */
export const lease = sqliteTable('lease', {
	name: text('name').primaryKey(),
	holder: text('holder').notNull(),
	expiresAt: text('expires_at').notNull()
});

// ---------------------------------------------------------------------------------------------
// The read model (DESIGN.md, "Reads at portfolio scale"): what the pages that span projects read
// instead of the history. `domain/project-state.ts` computes it from one project's history;
// `server/read-model.ts` writes it in the same transaction as the change that moves it.

/**
 * One row per project. `dataVersion` goes up with every write to the project's data (triggers
 * created in the migration, whichever connection or process writes); `stateVersion` is the
 * version the read model of the project was computed from. They differ only inside a write
 * transaction, or after a write made outside Vigie's modules: the read model then refreshes.
 */
export const projectState = sqliteTable(
	'project_state',
	{
		projectId: integer('project_id')
			.primaryKey()
			.references(() => project.id, { onDelete: 'cascade' }),
		dataVersion: integer('data_version').notNull().default(1),
		stateVersion: integer('state_version').notNull().default(0),
		reviewCount: integer('review_count').notNull().default(0),
		firstReviewOn: text('first_review_on'),
		lastReviewOn: text('last_review_on'),
		lastReviewId: integer('last_review_id')
	},
	(t) => [index('project_state_stale_idx').on(t.projectId).where(sql`data_version <> state_version`)]
);

/**
 * Each tracked watch-point (of a watch-point not retired) with its latest review and the days
 * its status turns on: the status itself depends on today and is computed on read.
 */
export const trackedState = sqliteTable(
	'tracked_state',
	{
		trackedId: integer('tracked_id')
			.primaryKey()
			.references(() => trackedWatchpoint.id, { onDelete: 'cascade' }),
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		watchpointId: integer('watchpoint_id').notNull(),
		cadenceDays: integer('cadence_days').notNull(),
		graceDays: integer('grace_days').notNull(),
		snoozedUntil: text('snoozed_until'),
		lastReviewId: integer('last_review_id'),
		lastReviewedOn: text('last_reviewed_on'),
		lastComment: text('last_comment'),
		rating: integer('rating'),
		ratedOn: text('rated_on'),
		ratedReviewId: integer('rated_review_id'),
		countedFrom: text('counted_from').notNull(),
		dueOn: text('due_on').notNull(),
		graceEndsOn: text('grace_ends_on').notNull(),
		criticalFrom: text('critical_from').notNull(),
		/** JSON `[day, rating][]`: the first rating and each change (see `RatingTrail`) */
		ratingTrail: text('rating_trail').notNull().default('[]')
	},
	(t) => [
		/**
		 * By project, with the days and rating a status is computed from: the dashboard's counts,
		 * the reminders, the heat-map's cells and the weakest watch-points read this index alone,
		 * not the rows (which carry the latest comment and the rating trail).
		 */
		index('tracked_state_project_cells_idx').on(
			t.projectId,
			t.snoozedUntil,
			t.dueOn,
			t.graceEndsOn,
			t.lastReviewedOn,
			t.rating,
			t.watchpointId
		),
		/** one watch-point in every project (its page across projects) */
		index('tracked_state_watchpoint_idx').on(t.watchpointId, t.projectId),
		index('tracked_state_due_idx').on(t.dueOn)
	]
);

/** A project's figures at the end of each month, up to the month of its last review (see `MonthState`). */
export const projectMonth = sqliteTable(
	'project_month',
	{
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		/** `YYYY-MM` */
		month: text('month').notNull(),
		ratingSum: integer('rating_sum').notNull(),
		rated: integer('rated').notNull(),
		tracked: integer('tracked').notNull(),
		expected: integer('expected').notNull(),
		covered: integer('covered').notNull(),
		assessed: integer('assessed').notNull(),
		onTime: integer('on_time').notNull(),
		reviews: integer('reviews').notNull()
	},
	(t) => [primaryKey({ columns: [t.projectId, t.month] }), index('project_month_month_idx').on(t.month)]
);

/**
 * What the last scan that ran a project's history rules saw: the project's data version, the
 * thresholds and the day. A scan re-runs those rules only for projects where one of them moved
 * (or a snooze ended since), whichever process scanned before.
 */
export const watchScanProject = sqliteTable('watch_scan_project', {
	projectId: integer('project_id')
		.primaryKey()
		.references(() => project.id, { onDelete: 'cascade' }),
	dataVersion: integer('data_version').notNull(),
	configKey: text('config_key').notNull(),
	evaluatedOn: text('evaluated_on').notNull()
});

/**
 * The pasted-across-projects rule's graph, kept between scans (see `server/pasted-index.ts`):
 * each watched latest comment with its text's key, each distinct text with its MinHash bands, and
 * the pairs of texts that read as the same. Derived data: `vigie rebuild` and any change of the
 * thresholds it depends on start it afresh.
 */
export const pastedComment = sqliteTable(
	'pasted_comment',
	{
		/** no foreign key: a project deleted is seen gone by the next scan, which lets its texts go */
		projectId: integer('project_id').notNull(),
		watchpointId: integer('watchpoint_id').notNull(),
		reviewId: integer('review_id').notNull(),
		textKey: integer('text_key').notNull(),
		/** not a formula and long enough to be a paste */
		candidate: integer('candidate', { mode: 'boolean' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.projectId, t.watchpointId] }),
		// the texts that can be pastes, with where they are: all a scan reads of the graph's comments
		index('pasted_comment_text_idx').on(t.textKey, t.projectId, t.watchpointId).where(sql`candidate = 1`)
	]
);

export const pastedText = sqliteTable('pasted_text', {
	textKey: integer('text_key').primaryKey(),
	/** `commentSubject`: what its alerts are named by */
	subject: integer('subject').notNull(),
	/** its band keys (JSON): the rows of `pasted_band` to delete with it, found by their key */
	bands: text('bands').notNull().default('[]')
});

/**
 * Which texts share a MinHash band. A first scan writes ten rows per text, so the table is
 * `WITHOUT ROWID` (migration 0015: drizzle cannot say it), its key its only b-tree; a text's
 * rows are found through the bands `pasted_text` keeps.
 */
export const pastedBand = sqliteTable(
	'pasted_band',
	{
		bandKey: integer('band_key').notNull(),
		textKey: integer('text_key').notNull()
	},
	(t) => [primaryKey({ columns: [t.bandKey, t.textKey] })]
);

export const pastedEdge = sqliteTable(
	'pasted_edge',
	{
		a: integer('a').notNull(),
		b: integer('b').notNull(),
		similarity: real('similarity').notNull()
	},
	(t) => [primaryKey({ columns: [t.a, t.b] }), index('pasted_edge_b_idx').on(t.b)]
);

/**
 * A person who signs in. The e-mail is stored lowercased (it is the sign-in name); the password
 * hash is null until an invited person has chosen a password.
 */
export const user = sqliteTable('user', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash'),
	isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
	/** set while the account is disabled: no sign-in, and its sessions were ended */
	disabledAt: text('disabled_at'),
	createdAt: text('created_at').notNull(),
	lastSignInAt: text('last_sign_in_at'),
	/** the language Vigie writes to the person in (e-mails): the last one they chose while signed in */
	lang: text('lang').$type<Lang>().notNull().default('fr'),
	/** whether the person wants the reminder e-mails (a setting on their account page) */
	remindersEnabled: integer('reminders_enabled', { mode: 'boolean' }).notNull().default(true),
	/** an administrator's digest of every project, members or not: off unless they opt in */
	portfolioDigest: text('portfolio_digest').$type<DigestFrequency>().notNull().default('off'),
	/** when the portfolio digest last covered alerts up to (null: never sent) */
	portfolioDigestedUntil: text('portfolio_digested_until'),
	/** SHA-256 (hex) of the secret in the person's calendar address; null until they ask for one */
	calendarTokenHash: text('calendar_token_hash').unique()
});

/**
 * A signed-in browser. The id is the SHA-256 (hex) of the cookie's token: a stolen copy of the
 * database does not let anyone sign in.
 */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: text('created_at').notNull(),
		lastSeenAt: text('last_seen_at').notNull(),
		/** slides forward while the browser is used (inactivity limit) */
		expiresAt: text('expires_at').notNull(),
		/** never moves: a session ends then whatever happens */
		absoluteExpiresAt: text('absolute_expires_at').notNull(),
		userAgent: text('user_agent')
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/**
 * A one-time link that lets a person without an account make one. Only the token's hash is kept,
 * for finding the invitation from its link; the token itself is HMAC(instance secret,
 * `invitation:<nonce>`), so an administrator can be shown the link again (or have it e-mailed
 * again) until it is used, and the outbox never keeps it (see `auth/invitation-links.ts`).
 */
export const invitation = sqliteTable(
	'invitation',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull().unique(),
		/** random, from which the token is derived; null for an invitation made before, whose link cannot be shown again */
		nonce: text('nonce'),
		email: text('email').notNull(),
		name: text('name').notNull().default(''),
		isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
		invitedByUserId: integer('invited_by_user_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: text('created_at').notNull(),
		expiresAt: text('expires_at').notNull(),
		acceptedAt: text('accepted_at'),
		revokedAt: text('revoked_at')
	},
	(t) => [index('invitation_email_idx').on(t.email)]
);

/** The projects an invitation makes the person a member of when they accept it, with their roles. */
export const invitationMembership = sqliteTable(
	'invitation_membership',
	{
		invitationId: integer('invitation_id')
			.notNull()
			.references(() => invitation.id, { onDelete: 'cascade' }),
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		role: text('role').$type<ProjectRole>().notNull(),
		/** the administrator or coordinator who asked for this membership */
		invitedByUserId: integer('invited_by_user_id').references(() => user.id, { onDelete: 'set null' }),
		addedAt: text('added_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.invitationId, t.projectId] }), index('invitation_membership_project_idx').on(t.projectId)]
);

export type ProjectInvitationAnswer = 'accepted' | 'declined';

/**
 * An invitation to join a project, for a person who already has an account: nobody is made a
 * member of a project without saying yes. Shown on their dashboard until they answer, it expires
 * like an account invitation. At most one waits per project and person.
 */
export const projectInvitation = sqliteTable(
	'project_invitation',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role').$type<ProjectRole>().notNull(),
		invitedByUserId: integer('invited_by_user_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: text('created_at').notNull(),
		expiresAt: text('expires_at').notNull(),
		answer: text('answer').$type<ProjectInvitationAnswer>(),
		answeredAt: text('answered_at'),
		revokedAt: text('revoked_at')
	},
	(t) => [
		index('project_invitation_user_idx').on(t.userId),
		uniqueIndex('project_invitation_waiting_uq')
			.on(t.projectId, t.userId)
			.where(sql`answered_at is null and revoked_at is null`)
	]
);

export const projectMember = sqliteTable(
	'project_member',
	{
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role').$type<ProjectRole>().notNull(),
		addedAt: text('added_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_member_user_idx').on(t.userId)]
);

/**
 * Failed sign-ins counted per key (`auth/throttle.ts`): `pair:<account>|<ip>`, `account:<account>`
 * and `address:<ip>`, where an address without an account is one of a bounded set of buckets, so
 * that a flood of made-up addresses cannot grow the table. Rows no policy counts any more are
 * deleted as new failures come.
 */
export const signInThrottle = sqliteTable(
	'sign_in_throttle',
	{
		key: text('key').primaryKey(),
		failures: integer('failures').notNull().default(0),
		lastFailureAt: text('last_failure_at'),
		/** the next attempt is refused before this instant */
		blockedUntil: text('blocked_until')
	},
	(t) => [index('sign_in_throttle_last_failure_idx').on(t.lastFailureAt)]
);

export const auditEvent = sqliteTable(
	'audit_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** when it happened; for a row that counts repeated attempts, the last of them */
		at: text('at').notNull(),
		/** who did it; null for an anonymous attempt (a failed sign-in) or a command-line action */
		actorUserId: integer('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
		event: text('event').$type<AuditEventType>().notNull(),
		/** what it was about, readable on its own: an e-mail, `user:3`, `project:7` */
		subject: text('subject').notNull().default(''),
		details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
		address: text('address'),
		/** how many times it happened: failed and slowed-down sign-ins are counted in one row per hour */
		count: integer('count').notNull().default(1),
		/** the row such repeated attempts are counted in (event, account, address, hour); null for the others */
		aggregateKey: text('aggregate_key').unique()
	},
	(t) => [index('audit_event_at_idx').on(t.at)]
);

/**
 * A person's choices for one project's e-mails. No row: the defaults (`DEFAULT_NOTIFICATION_CHOICES`
 * in domain/notification-preferences.ts). The row is also where the digest remembers up to when
 * it told the person of the project's alerts (`digestedUntil`), so that each alert is "new" once.
 */
export const notificationPreference = sqliteTable(
	'notification_preference',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		digest: text('digest').$type<DigestFrequency>().notNull().default('daily'),
		/** whether a critical alert is e-mailed at once */
		immediate: integer('immediate', { mode: 'boolean' }).notNull().default(true),
		/** the instant up to which the digest has told the person of this project's alerts */
		digestedUntil: text('digested_until'),
		updatedAt: text('updated_at')
	},
	(t) => [primaryKey({ columns: [t.userId, t.projectId] }), index('notification_preference_project_idx').on(t.projectId)]
);

/**
 * A project's webhook, set by its coordinator: where to post, in which format, and which events.
 * The secret signs the generic format's body (`X-Vigie-Signature`); it is kept as is because
 * signing needs it, and shown once, when it is made.
 */
export const webhook = sqliteTable(
	'webhook',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		url: text('url').notNull(),
		format: text('format').$type<WebhookFormat>().notNull(),
		secret: text('secret').notNull(),
		events: text('events', { mode: 'json' }).$type<WebhookEventType[]>().notNull(),
		createdAt: text('created_at').notNull(),
		createdByUserId: integer('created_by_user_id').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [index('webhook_project_idx').on(t.projectId)]
);

export type NotificationChannel = 'email' | 'webhook';
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * The outbox: every e-mail or webhook call is first a row, written in the same transaction as the
 * change it announces (an invitation and its e-mail are saved together or not at all). A sender
 * claims due rows with a compare-and-set update, so two processes never deliver the same one.
 */
export const notification = sqliteTable(
	'notification',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		channel: text('channel').$type<NotificationChannel>().notNull(),
		/** an e-mail address, or the URL a webhook is posted to */
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull().default(''),
		/** plain text; the e-mail's HTML part is made from it when sending */
		body: text('body').notNull().default(''),
		/** what a webhook posts (and anything a sender needs besides the text) */
		payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>(),
		status: text('status').$type<NotificationStatus>().notNull().default('pending'),
		/** deliveries tried so far, counted when a sender claims the row */
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: text('next_attempt_at').notNull(),
		lastError: text('last_error'),
		createdAt: text('created_at').notNull(),
		sentAt: text('sent_at'),
		/** the sender delivering it while `sending`; its claim lapses at `claimedUntil` */
		claimedBy: text('claimed_by'),
		claimedUntil: text('claimed_until'),
		/** when set, the same notice (e.g. one reminder for one due date) is never queued twice */
		dedupeKey: text('dedupe_key').unique()
	},
	(t) => [
		index('notification_status_next_idx').on(t.status, t.nextAttemptAt),
		/** a project webhook's last deliveries (its notices' recipient is `webhook:<id>`) */
		index('notification_recipient_idx').on(t.recipient, t.id)
	]
);

export type ApiTokenScope = 'read' | 'write';

/**
 * A personal access token for the JSON API (`Authorization: Bearer vgi_…`). Like a session, only
 * the SHA-256 of the secret is kept; the secret is shown once, when the token is created. A token
 * acts as its owner: it sees exactly what the owner sees, and a `read` token never writes.
 */
export const apiToken = sqliteTable(
	'api_token',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		/** the first characters of the secret (`vgi_Ab12`), so the owner can tell their tokens apart */
		prefix: text('prefix').notNull(),
		scope: text('scope').$type<ApiTokenScope>().notNull(),
		createdAt: text('created_at').notNull(),
		/** null: never expires */
		expiresAt: text('expires_at'),
		/** updated at most once a minute, not on every request */
		lastUsedAt: text('last_used_at'),
		revokedAt: text('revoked_at')
	},
	(t) => [index('api_token_user_idx').on(t.userId)]
);

/**
 * One row per spreadsheet row imported into a project's history: the fingerprint of what the row
 * said (day, watch-point, rating, comment, action, participants). Importing the same file again
 * finds every fingerprint already there and adds nothing. Deleting the review forgets its rows.
 */
export const importedRow = sqliteTable(
	'imported_row',
	{
		projectId: integer('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		fingerprint: text('fingerprint').notNull(),
		reviewId: integer('review_id')
			.notNull()
			.references(() => review.id, { onDelete: 'cascade' }),
		importedAt: text('imported_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.projectId, t.fingerprint] }), index('imported_row_review_idx').on(t.reviewId)]
);

export type Watchpoint = typeof watchpoint.$inferSelect;
export type Project = typeof project.$inferSelect;
export type NewProject = typeof project.$inferInsert;
export type Actor = typeof actor.$inferSelect;
export type Commitment = typeof commitment.$inferSelect;
export type TrackedWatchpoint = typeof trackedWatchpoint.$inferSelect;
export type Review = typeof review.$inferSelect;
export type Assessment = typeof assessment.$inferSelect;
export type Action = typeof action.$inferSelect;
export type Alert = typeof alert.$inferSelect;
export type ScanRun = typeof scanRun.$inferSelect;
export type ProjectStateRow = typeof projectState.$inferSelect;
export type TrackedStateRow = typeof trackedState.$inferSelect;
export type ProjectMonthRow = typeof projectMonth.$inferSelect;
export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Invitation = typeof invitation.$inferSelect;
export type InvitationMembership = typeof invitationMembership.$inferSelect;
export type ProjectInvitation = typeof projectInvitation.$inferSelect;
export type ProjectMember = typeof projectMember.$inferSelect;
export type AuditEvent = typeof auditEvent.$inferSelect;
export type Notification = typeof notification.$inferSelect;
export type NotificationPreference = typeof notificationPreference.$inferSelect;
export type Webhook = typeof webhook.$inferSelect;
export type NewNotification = typeof notification.$inferInsert;
export type ApiToken = typeof apiToken.$inferSelect;
export type ImportedRow = typeof importedRow.$inferSelect;
