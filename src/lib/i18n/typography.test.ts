/**
 * French typography and grammar over every French message of the catalogue, and over the French
 * e-mails and chat lines the server puts together from them; the percent sign in English.
 *
 * Each check lists its offences as `key: …the words around it…`, so a failure says where to look.
 * Placeholders (`{name}`) are filled at run time: the checks read them as the values they may
 * hold (a number, a date, a person's name) where it matters, and say so.
 */
import { describe, expect, it } from 'vitest';
import { reminderDigest, type ProjectToRemind } from '../domain/reminders';
import { invitationEmail } from '../server/notify/invitation-email';
import { portfolioEmail } from '../server/notify/digest-email';
import { projectInvitationEmail } from '../server/notify/project-invitation-email';
import { projectReminderText, reminderEmail } from '../server/notify/reminder-email';

type Catalogue = Record<string, string>;
interface Text {
	key: string;
	text: string;
}

const files = import.meta.glob<{ fr: Catalogue; en: Catalogue }>('./messages/*.ts', { eager: true });
const messages = (lang: 'fr' | 'en'): Text[] =>
	Object.values(files).flatMap((m) => Object.entries(m[lang]).map(([key, text]) => ({ key, text })));
const french = messages('fr');
const english = messages('en');

/** U+00A0 (no-break space) or U+202F (narrow no-break space): both keep the sign on its word's line. */
const NB = '\u00a0\u202f';
const isNoBreak = (c: string | undefined) => c !== undefined && NB.includes(c);
const around = (text: string, at: number) => JSON.stringify(text.slice(Math.max(0, at - 18), at + 18));

/**
 * The places where `:` is no punctuation and takes no space: a URL's scheme (`https://`, which
 * the composed e-mails hold and two hints name), and a time of day (`10:30`, which
 * `formatDateTime` writes into an invitation's end). Blanked before the spacing is checked.
 * (The catalogue holds no markup and no ICU syntax — its placeholders are bare `{name}` —
 * so nothing else needs to be set apart.)
 */
function withoutCode(text: string): string {
	const blank = (s: string) => 'x'.repeat(s.length);
	return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, blank).replace(/\b\d{1,2}:\d{2}\b/g, blank);
}

/** A no-break space — never a plain space, never nothing — before : ; ! ? » and after «. */
function spacingOffences({ key, text }: Text): string[] {
	const offences: string[] = [];
	const plain = withoutCode(text);
	for (let at = 0; at < plain.length; at++) {
		const c = plain[at];
		if (':;!?»'.includes(c)) {
			const before = plain[at - 1];
			if (!isNoBreak(before)) offences.push(`${key}: ${before === ' ' ? 'plain space' : 'no space'} before ${c} in ${around(text, at)}`);
		} else if (c === '«') {
			const after = plain[at + 1];
			if (!isNoBreak(after)) offences.push(`${key}: ${after === ' ' ? 'plain space' : 'no space'} after « in ${around(text, at)}`);
		}
	}
	return offences;
}

/**
 * The typographic apostrophe ’, French quotes « » and the ellipsis character. The catalogue
 * holds no markup, so a straight quote is never an HTML attribute's and has no excuse.
 */
function characterOffences({ key, text }: Text): string[] {
	const offences: string[] = [];
	for (const [pattern, what] of [
		[/'/g, 'straight apostrophe (’)'],
		[/["“”]/g, 'English quotes (« »)'],
		[/\.\.\./g, 'three dots (…)']
	] as const) {
		for (const m of text.matchAll(pattern)) offences.push(`${key}: ${what} in ${around(text, m.index)}`);
	}
	return offences;
}

/**
 * Elision: "d’une", "qu’il", "l’action", "jusqu’au", not "de une". A mute h elides too
 * ("l’historique", "d’habitude"); the aspirated ones below do not ("le haut", "la hausse").
 * Not after a hyphen: a pronoun after its verb keeps its vowel ("transmettez-le à").
 */
const ELIDING = 'de|que|le|la|ne|je|me|te|se|jusque|lorsque|puisque';
const ASPIRATED_H = ['haut', 'hausse', 'hasard', 'hâte', 'handicap', 'hiérarchie', 'hors', 'honte', 'héros', 'huit', 'hublot'];
const VOWEL = 'aeiouàâäéèêëîïôöùûüœæ';
const ELISION = new RegExp(
	`(?<![\\p{L}’'-])(${ELIDING})[\\s${NB}]+(?=[${VOWEL}]|h(?!${ASPIRATED_H.map((w) => w.slice(1)).join('|')}))`,
	'giu'
);
/** "si" elides before "il" and "ils" only ("s’il", but "si elle"). */
const SI_IL = /(?<![\p{L}’'-])si[\s\u00a0\u202f]+ils?(?!\p{L})/giu;

/**
 * Placeholders that never begin with a vowel: they hold a number or a day, and so begin with a
 * digit ("le 12 mars 2026", "de 3 jours"; a long date begins with its weekday, lundi… dimanche,
 * all consonants). Every other
 * placeholder may begin with a vowel — a person ("Anne"), an address ("alice@…"), a project, a
 * watch-point's title, a month ("avr. 2026"), a rule's name ("Action en retard") — and cannot
 * follow "de", "que", "le", "du"…: "de {name}" would print "de Anne". Write around it: "{name}
 * vous invite", "l’invitation envoyée à {email}", "Évolution — {name}", "entre {from} et {to}".
 */
const NEVER_A_VOWEL_FIRST = new Set([
	'count', 'days', 'daysLate', 'cadenceDays', 'cadence', 'grace', 'min', 'max', 'total', 'id', 'page', 'pages',
	'seconds', 'ms', 'rows', 'reviews', 'first', 'last', 'q1', 'q3', 'mean', 'percent', 'similarity', 'rank',
	'fromValue', 'toValue', 'covered', 'expected',
	'date', 'firstDate', 'previousDate', 'dueOn', 'lastReviewedOn', 'graceEndsOn', 'startDate', 'trackedSince', 'recordedOn'
]);
/** Placeholders whose name says less than the message: what they hold there. */
const NEVER_A_VOWEL_FIRST_IN: Record<string, string[]> = {
	// days of reviews (`i.date`)
	'overview.trend.summary': ['from', 'to'],
	'report.comparison.intro': ['latest', 'previous'],
	'report.comparison.intro_first': ['latest'],
	// a rating: its number and label ("2 · Fragile"), or "Non évalué"
	'review.repeat.contradicts_rating': ['previous', 'rating']
};
const BEFORE_PLACEHOLDER = new RegExp(`(?<![\\p{L}’'-])(${ELIDING}|du|au)[\\s${NB}]+\\{(\\w+)\\}`, 'giu');

function elisionOffences({ key, text }: Text): string[] {
	const offences: string[] = [];
	for (const m of text.matchAll(ELISION)) offences.push(`${key}: "${m[1]}" not elided in ${around(text, m.index)}`);
	for (const m of text.matchAll(SI_IL)) offences.push(`${key}: "si il" in ${around(text, m.index)}`);
	for (const m of text.matchAll(BEFORE_PLACEHOLDER)) {
		const name = m[2];
		if (NEVER_A_VOWEL_FIRST.has(name) || NEVER_A_VOWEL_FIRST_IN[key]?.includes(name)) continue;
		offences.push(`${key}: "${m[1]} {${name}}" cannot elide if {${name}} begins with a vowel`);
	}
	return offences;
}

/**
 * Gender. Vigie does not know whether its reader, or a person it names, is a man or a woman; a
 * masculine participle or adjective about them ("vous êtes connecté", "{name} a été retiré") is
 * wrong for half of them. Sentences are written around it ("Votre session est fermée", "{name}
 * ne fait plus partie du projet"), not with "·e".
 *
 * - Participles that in Vigie can only be said of a person, wrong anywhere in the masculine
 *   singular: one informs, invites, warns, signs in a person; a commitment is "communiqué", an
 *   invitation "envoyée".
 * - Words that may qualify a thing ("seul un projet clos", "un point retiré", "le nouveau
 *   secret") but not the reader after "vous êtes / serez…", nor a named person after "est / a
 *   été / sera…", nor the reader as "en tant que …". Role names (coordinateur, lecteur…) are
 *   nouns, fine as the label of a role ("Rôle : coordinateur") but not as what the reader is.
 */
const PERSON_ONLY = ['informé', 'invité', 'connecté', 'déconnecté', 'prévenu', 'averti', 'inscrit', 'désinscrit', 'abonné', 'désabonné'];
const ABOUT_A_PERSON = [
	...PERSON_ONLY,
	'prêt', 'sûr', 'seul', 'certain', 'nouveau', 'retiré', 'ajouté', 'nommé', 'désigné', 'connu', 'attendu', 'bienvenu',
	'administrateur', 'coordinateur', 'contributeur', 'lecteur', 'animateur', 'porteur', 'titulaire', 'le coordinateur', "l’administrateur"
];
const WORDS = (words: string[]) => `(${words.join('|')})(?![\\p{L}])`;
const FILLERS = `(?:[\\s${NB}]+(?:pas|plus|jamais|déjà|bien|encore|toujours|désormais|maintenant|alors|aussi|donc|un|en|tout))*`;
const GENDERED = [
	new RegExp(`(?<![\\p{L}])${WORDS(PERSON_ONLY)}`, 'giu'),
	new RegExp(
		`\\bvous[\\s${NB}]+(?:(?:ne|en|y)[\\s${NB}]+|n’)*(?:êtes|serez|seriez|étiez|soyez|restez|resterez|devenez|deviendrez|avez été|aurez été)${FILLERS}[\\s${NB}]+${WORDS(ABOUT_A_PERSON)}`,
		'giu'
	),
	new RegExp(
		`\\{(?:name|inviter|actor|email|owner)\\}[\\s${NB}]+(?:(?:ne|n’)[\\s${NB}]*)?(?:est|sera|serait|était|reste|devient|deviendra|a été|aura été|ont été)${FILLERS}[\\s${NB}]+${WORDS(ABOUT_A_PERSON)}`,
		'giu'
	),
	new RegExp(`en tant qu[e’][\\s${NB}]*${WORDS(ABOUT_A_PERSON)}`, 'giu')
];

function genderOffences({ key, text }: Text): string[] {
	const found = new Set<number>();
	const offences: string[] = [];
	for (const pattern of GENDERED) {
		for (const m of text.matchAll(pattern)) {
			const at = m.index + m[0].length - m[1].length;
			if (found.has(at)) continue;
			found.add(at);
			offences.push(`${key}: "${m[1]}" about a person whose gender Vigie does not know, in ${around(text, at)}`);
		}
	}
	return offences;
}

/**
 * The percent sign: "12 %" in French (a no-break space, as before the other signs), "12%" in
 * English. A bare "%" in parentheses is a unit, not a value ("Part (%)").
 */
function percentOffences({ key, text }: Text, lang: 'fr' | 'en'): string[] {
	const offences: string[] = [];
	for (const m of text.matchAll(/%/g)) {
		const before = text[m.index - 1];
		if (before === '(') continue;
		if (lang === 'fr' && !isNoBreak(before)) offences.push(`${key}: ${before === ' ' ? 'plain space' : 'no space'} before % in ${around(text, m.index)}`);
		if (lang === 'en' && /\s/.test(before ?? '')) offences.push(`${key}: a space before % in ${around(text, m.index)}`);
	}
	return offences;
}

/** In English, nothing before : ; ! ? — a French habit that slips into a translation. */
function englishSpacingOffences({ key, text }: Text): string[] {
	return [...withoutCode(text).matchAll(/\s[:;!?]/g)].map((m) => `${key}: a space before ${m[0].trim()} in ${around(text, m.index)}`);
}

const ORIGIN = 'https://vigie.example.org';
const EAU: ProjectToRemind = {
	id: 3,
	slug: 'eau',
	name: 'Eau du bassin',
	status: 'active',
	archived: false,
	watchpoints: [
		{ trackedId: 1, watchpointId: 11, key: 'enjeux', titleFr: 'Des enjeux partagés', titleEn: 'Shared stakes', status: 'due_soon', dueOn: '2026-11-29', daysUntilDue: 3 },
		{ trackedId: 2, watchpointId: 12, key: 'niveaux', titleFr: 'Les bons niveaux', titleEn: 'The right levels', status: 'lapsed', dueOn: '2026-10-30', daysUntilDue: -27 }
	],
	actions: [{ id: 5, title: 'Relancer la mairie', owner: 'Anne', dueOn: '2026-11-26', status: 'open' }]
};

/** The French e-mails and chat lines the server composes from the catalogue, as they leave. */
function composedFrench(): Text[] {
	const invitation = { inviteeName: 'Anne', inviterName: 'Émilie Martin', url: `${ORIGIN}/invite/TOKEN`, expiresAt: '2026-12-03T09:30:00.000Z', timeZone: 'Europe/Paris' };
	const digest = reminderDigest([EAU], '2026-11-26')!;
	const composed = {
		invitation: invitationEmail({ ...invitation, lang: 'fr', projects: [{ name: 'Eau du bassin', role: 'coordinator' }, { name: 'Agora', role: 'viewer' }] }),
		project_invitation: projectInvitationEmail({ ...invitation, lang: 'fr', inviterName: null, projectName: 'Eau du bassin', role: 'contributor', url: `${ORIGIN}/invitations` }),
		reminder: reminderEmail({ lang: 'fr', name: 'Anne', digest, origin: ORIGIN }),
		portfolio: portfolioEmail({
			lang: 'fr',
			name: 'Anne',
			today: '2026-11-26',
			origin: ORIGIN,
			projects: [{ slug: 'eau', name: 'Eau du bassin', opened: 2, critical: 1, resolved: 1, late: 1, dueSoon: 1 }],
			unsubscribe: `${ORIGIN}/unsubscribe/TOKEN`
		})
	};
	return [
		...Object.entries(composed).flatMap(([name, email]) => [
			{ key: `${name} e-mail, subject`, text: email.subject },
			// the invitation e-mail carries the English version below the French
			{ key: `${name} e-mail`, text: email.text.split('— English version below —')[0] }
		]),
		{ key: 'reminder webhook', text: projectReminderText('fr', digest.projects[0], ORIGIN) }
	];
}

const count = (texts: Text[], check: (t: Text) => string[]) => texts.flatMap(check);

describe('French typography in the catalogue', () => {
	it('puts a no-break space before : ; ! ? » and after «, never a plain space or none', () => {
		expect(count(french, spacingOffences)).toEqual([]);
	});

	it('uses ’ for the apostrophe, « » for quotes and … for an ellipsis', () => {
		expect(count(french, characterOffences)).toEqual([]);
	});

	it('elides "de", "que", "le"… before a vowel, and never puts them before a name that may begin with one', () => {
		expect(count(french, elisionOffences)).toEqual([]);
	});

	it('never gives the reader or a named person a masculine participle or adjective', () => {
		expect(count(french, genderOffences)).toEqual([]);
	});

	it('writes a percentage with a no-break space before % in French, and none in English', () => {
		expect(count(french, (t) => percentOffences(t, 'fr'))).toEqual([]);
		expect(count(english, (t) => percentOffences(t, 'en'))).toEqual([]);
	});

	it('puts no space before : ; ! ? in English', () => {
		expect(count(english, englishSpacingOffences)).toEqual([]);
	});

	it('keeps the same rules in the French e-mails and chat lines the server composes', () => {
		const texts = composedFrench();
		expect(texts.every((t) => t.text.length > 0)).toBe(true);
		const checks = [spacingOffences, characterOffences, elisionOffences, genderOffences, (t: Text) => percentOffences(t, 'fr')];
		expect(checks.flatMap((check) => count(texts, check))).toEqual([]);
	});
});

describe('the checks themselves', () => {
	const one = (text: string) => ({ key: 'k', text });

	it('tell a plain space, no space and a no-break one apart, and leave URLs and times alone', () => {
		expect(spacingOffences(one('Note : 3'))).toEqual(['k: plain space before : in "Note : 3"']);
		expect(spacingOffences(one('Note: 3'))).toEqual(['k: no space before : in "Note: 3"']);
		expect(spacingOffences(one('« Eau\u00a0»'))).toEqual(['k: plain space after « in "« Eau\u00a0»"']);
		expect(spacingOffences(one('Lien\u00a0: https://vigie.example.org/a?b=1, à 10:30\u202f!'))).toEqual([]);
	});

	it('catch a missing elision, a placeholder that may begin with a vowel, and a mute h', () => {
		expect(elisionOffences(one('le compte de {name}'))).toHaveLength(1);
		expect(elisionOffences(one('le compte de Anne'))).toHaveLength(1);
		expect(elisionOffences(one('alerte de habitude'))).toHaveLength(1);
		expect(elisionOffences(one('revue du {date}, de {count} jours, de haut niveau, transmettez-le à Anne'))).toEqual([]);
	});

	it('catch a masculine word about the reader or a named person, not about a thing', () => {
		expect(genderOffences(one('Vous êtes connecté.'))).toHaveLength(1);
		expect(genderOffences(one('Vous ne serez pas prévenu deux fois.'))).toHaveLength(1);
		expect(genderOffences(one('{name} a été retiré du projet.'))).toHaveLength(1);
		expect(genderOffences(one('En tant qu’administrateur, vous…'))).toHaveLength(1);
		expect(genderOffences(one('Seul un projet clos peut être archivé ; un point retiré ; invitée le'))).toEqual([]);
	});

	it('want "12\u00a0%" in French and "12%" in English, and let a unit in parentheses be', () => {
		expect(percentOffences(one('12 %'), 'fr')).toHaveLength(1);
		expect(percentOffences(one('12%'), 'fr')).toHaveLength(1);
		expect(percentOffences(one('12\u202f% ; Part (%)'), 'fr')).toEqual([]);
		expect(percentOffences(one('12\u00a0%'), 'en')).toHaveLength(1);
		expect(percentOffences(one('12% ; Share (%)'), 'en')).toEqual([]);
	});
});
