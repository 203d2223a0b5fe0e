/**
 * Reading the projects' forms: turns a submitted FormData into a validated input for
 * projects.ts, or into error messages keyed by field (in the catalogue, so they read in the
 * user's language). Pure: no database. What only the database can tell (a slug already taken,
 * an actor of another project) is checked by projects.ts in the write's transaction.
 */
import { FormReader, LIMITS, SLUG_PATTERN, slugify, type FieldErrors, type FormResult } from '../domain/validation';
import { addDays } from '../domain/dates';
import { CADENCE_LIMITS, GRACE_LIMITS } from '../domain/schedule';
import { ACTOR_LEVELS, PROJECT_STATUSES, type IsoDate } from '../domain/types';
import type { ActorInput, CommitmentInput, NewProjectInput, ProjectInput, TrackedSettingsInput } from './projects';

/** Slugs that would collide with the routes beside `/projects/[slug]` (`/projects/new`). */
export const RESERVED_SLUGS: readonly string[] = ['new'];

export interface Parsed<T> extends FormResult {
	/** null when the form has errors */
	input: T | null;
}

export interface ParsedProject<T> extends Parsed<T> {
	/** the slug the project would get (typed or derived), even when other fields have errors */
	slug: string;
}

function parsed<T>(reader: FormReader, input: T): Parsed<T> {
	return { ...reader.result(), input: reader.ok ? input : null };
}

/** A positive whole id from a form field or a route parameter; null for anything else. */
export function parseId(value: string | null | undefined): number | null {
	if (typeof value !== 'string' || !/^[1-9]\d{0,15}$/.test(value.trim())) return null;
	const n = Number(value.trim());
	return Number.isSafeInteger(n) ? n : null;
}

/**
 * The slug: what the user typed, or (left empty) one derived from the name. A typed slug is
 * never silently rewritten: a wrong one is refused with a suggestion, so the address the user
 * chose is the address they get.
 */
function readSlug(r: FormReader, name: string): string {
	const typed = r.raw('slug').trim();
	if (typed === '') {
		const derived = slugify(name);
		if (name !== '' && derived === '') r.fail('slug', { key: 'error.slug_from_name' });
		else if (RESERVED_SLUGS.includes(derived)) r.fail('slug', { key: 'error.reserved_slug', params: { slug: derived } });
		return derived;
	}
	if (typed.length > LIMITS.slug) {
		r.fail('slug', { key: 'error.too_long', params: { max: LIMITS.slug } });
	} else if (!SLUG_PATTERN.test(typed)) {
		const suggestion = slugify(typed);
		r.fail(
			'slug',
			suggestion ? { key: 'error.invalid_slug_suggest', params: { suggestion } } : { key: 'error.invalid_slug' }
		);
	} else if (RESERVED_SLUGS.includes(typed)) {
		r.fail('slug', { key: 'error.reserved_slug', params: { slug: typed } });
	}
	return typed;
}

/**
 * The values to send back with a refused form: when the slug was left empty and derived from the
 * name but is taken, the field shows it, so that the user only has to tweak it.
 */
export function slugShown(values: Record<string, string>, errors: FieldErrors, slug: string): Record<string, string> {
	return errors.slug && !values.slug && slug ? { ...values, slug } : values;
}

function readProjectFields(r: FormReader): ProjectInput {
	const name = r.text('name', { required: true, max: LIMITS.name });
	const slug = readSlug(r, name);
	const description = r.text('description', { max: LIMITS.text });
	const trigger = r.text('trigger', { max: LIMITS.text });
	const stakes = r.text('stakes', { max: LIMITS.text });
	const ambition = r.text('ambition', { max: LIMITS.text });
	const startDate = r.date('startDate', { required: true });
	const defaultCadenceDays = r.integer('defaultCadenceDays', { ...CADENCE_LIMITS, required: true });
	const defaultGraceDays = r.integer('defaultGraceDays', { ...GRACE_LIMITS, required: true });
	return {
		name,
		slug,
		description,
		trigger,
		stakes,
		ambition,
		startDate: startDate ?? '',
		defaultCadenceDays: defaultCadenceDays ?? 0,
		defaultGraceDays: defaultGraceDays ?? 0
	};
}

/** The creation form: every field of the project, its status included (active when absent). */
export function parseNewProjectForm(data: FormData): ParsedProject<NewProjectInput> {
	const r = new FormReader(data);
	const fields = readProjectFields(r);
	const status = r.choice('status', PROJECT_STATUSES, { required: false }) ?? 'active';
	return { ...parsed(r, { ...fields, status }), slug: fields.slug };
}

/** The settings form: the status changes through its own buttons, not here. */
export function parseProjectForm(data: FormData): ParsedProject<ProjectInput> {
	const r = new FormReader(data);
	const fields = readProjectFields(r);
	return { ...parsed(r, fields), slug: fields.slug };
}

/** An actor; `userId` is the member account they are, one of `members` (or none). */
export function parseActorForm(data: FormData, opts: { members?: readonly MemberChoice[] } = {}): Parsed<ActorInput> {
	const r = new FormReader(data);
	const input: ActorInput = {
		name: r.text('name', { required: true, max: LIMITS.name }),
		organisation: r.text('organisation', { max: LIMITS.short }),
		level: r.choice('level', ACTOR_LEVELS) ?? 'other',
		role: r.text('role', { max: LIMITS.short }),
		responsibilities: r.text('responsibilities', { max: LIMITS.text }),
		email: r.email('email'),
		userId: readMemberChoice(r, 'userId', opts.members ?? [])?.userId ?? null
	};
	return parsed(r, input);
}

/** Dates of a commitment are facts already happened: neither can be after `today`. */
export function parseCommitmentForm(data: FormData, opts: { today: IsoDate }): Parsed<CommitmentInput> {
	const r = new FormReader(data);
	const rawActor = r.raw('actorId').trim();
	const actorId = parseId(rawActor);
	if (rawActor === '') r.fail('actorId', { key: 'error.required' });
	else if (actorId === null) r.fail('actorId', { key: 'error.unknown_actor' });
	const input: CommitmentInput = {
		actorId: actorId ?? 0,
		description: r.text('description', { required: true, max: LIMITS.comment }),
		recordedOn: r.date('recordedOn', { required: true, notAfter: opts.today }) ?? '',
		informedOn: r.date('informedOn', { notAfter: opts.today })
	};
	return parsed(r, input);
}

/**
 * A tracked watch-point's own settings; an empty field means "the project's default" (or no
 * owner, no snooze). A new snooze must end after today; an existing one, already past, may be
 * submitted again unchanged, so that editing the owner does not trip over an old snooze.
 */
export function parseTrackedSettingsForm(
	data: FormData,
	opts: { today: IsoDate; currentSnoozedUntil?: IsoDate | null; members?: readonly MemberChoice[] }
): Parsed<TrackedSettingsInput> {
	const r = new FormReader(data);
	const cadenceDays = r.integer('cadenceDays', { ...CADENCE_LIMITS });
	const graceDays = r.integer('graceDays', { ...GRACE_LIMITS });
	const member = readMemberChoice(r, 'ownerUserId', opts.members ?? []);
	const owner = r.optionalText('owner', LIMITS.name) ?? member?.name ?? null;
	const snoozedUntil = r.date('snoozedUntil');
	if (snoozedUntil !== null && snoozedUntil !== opts.currentSnoozedUntil && snoozedUntil < addDays(opts.today, 1)) {
		r.fail('snoozedUntil', { key: 'error.snooze_not_future' });
	}
	return parsed(r, { cadenceDays, graceDays, owner, ownerUserId: member?.userId ?? null, snoozedUntil });
}

/** A member of the project a form may name as owner or facilitator, or link an actor to. */
export interface MemberChoice {
	userId: number;
	name: string;
}

/**
 * A member chosen in a select (`field` holds their account id): null when none is chosen; an id
 * that is not one of `members` (forged, or removed from the project since) is refused next to
 * the field.
 */
export function readMemberChoice(r: FormReader, field: string, members: readonly MemberChoice[]): MemberChoice | null {
	const raw = r.raw(field).trim();
	if (raw === '') return null;
	const id = parseId(raw);
	const found = members.find((m) => m.userId === id);
	if (!found) r.fail(field, { key: 'error.invalid_choice' });
	return found ?? null;
}

/**
 * The member an owner typed by name is, when the project says so: an actor of that name (case
 * and spaces aside) linked to the account of one of `members`. Null when there is none, or when
 * actors of that name are linked to different accounts: a guess would then be a coin toss.
 */
export function memberOfActorNamed(
	name: string | null,
	actors: readonly { name: string; userId: number | null }[],
	members: readonly MemberChoice[]
): MemberChoice | null {
	const wanted = name?.trim().toLocaleLowerCase('fr') ?? '';
	if (wanted === '') return null;
	const accounts = new Set(
		actors.filter((a) => a.userId !== null && a.name.trim().toLocaleLowerCase('fr') === wanted).map((a) => a.userId)
	);
	if (accounts.size !== 1) return null;
	const [userId] = accounts;
	return members.find((m) => m.userId === userId) ?? null;
}
