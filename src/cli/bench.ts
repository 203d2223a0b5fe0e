/**
 * `vigie bench [--projects N] [--watchpoints N] [--reviews N] [--keep]`: builds a large
 * portfolio in a temporary database — by default 500 projects × 20 watch-points × 60 monthly
 * reviews, 600,000 assessments with varied comments — then times one full scan and a second,
 * unchanged scan, and reports the process's peak memory. Nothing is written outside the
 * temporary folder (removed at the end unless --keep).
 *
 * The data is generated from a fixed seed, so two runs measure the same portfolio. It carries
 * the habits the rules look for, in realistic proportions: repeated and formulaic comments,
 * frozen ratings, the same circle of participants, actions re-created, pasted comments,
 * watch-points nobody reviewed lately.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../lib/server/db';
import { runScan } from '../lib/server/watch-job';
import { addDays } from '../lib/domain/dates';
import { readArgs, usageError } from './args';

const TARGETS = { fullScanMs: 2000, rescanMs: 1000, peakMemoryMb: 300 };
const DEFAULT_SIZE = { projects: 500, watchpoints: 20, reviews: 60 };

const USAGE = `Usage: vigie bench [--projects N] [--watchpoints N] [--reviews N] [--keep]

Builds a large portfolio in a temporary database (nothing is written elsewhere), times a full
watch scan, an unchanged re-scan and a re-scan after one edit, and reports the peak memory.
Exits 1 when a target is missed (full scan < ${TARGETS.fullScanMs} ms, re-scan < ${TARGETS.rescanMs} ms, < ${TARGETS.peakMemoryMb} MB).
  --projects N     projects in the portfolio (default ${DEFAULT_SIZE.projects})
  --watchpoints N  watch-points each project tracks (default ${DEFAULT_SIZE.watchpoints})
  --reviews N      monthly reviews of each project (default ${DEFAULT_SIZE.reviews})
  --keep           keep the temporary database and print where it is`;
/** The instant the scans look from: fixed, so that runs compare. */
const AS_OF = new Date('2026-03-02T08:00:00Z');
const TIME_ZONE = 'Europe/Paris';

interface BenchSize {
	projects: number;
	watchpoints: number;
	reviews: number;
}

/** A small, fast, seeded generator (mulberry32): the same portfolio on every run. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WHO = [
	'Le comité de pilotage',
	'Les élus',
	"L'équipe technique",
	'La cheffe de projet',
	'Les partenaires associatifs',
	'La communauté de communes',
	'Le syndicat mixte',
	'Les habitants du quartier',
	'La direction régionale',
	"L'animatrice du réseau",
	'Le conseil de développement',
	'Les entreprises du bassin',
	'La chambre d’agriculture',
	'Le bailleur social',
	'Le service juridique',
	'La maison de santé',
	'Le collège',
	'Les agents du département',
	'Le club de prévention',
	'La mission locale'
];
const DID = [
	'a validé',
	'attend toujours',
	'remet en question',
	'a précisé',
	'prépare',
	'a reporté',
	'souhaite revoir',
	'a partagé',
	'découvre',
	'porte désormais',
	'a présenté',
	'conteste',
	'a chiffré',
	'relit',
	'a simplifié',
	'a élargi',
	'suspend',
	'a cofinancé',
	'pilote seul',
	'a relancé'
];
const WHAT = [
	'la feuille de route',
	'le calendrier des ateliers',
	'la convention de partenariat',
	'le budget de fonctionnement',
	'le diagnostic territorial',
	'la répartition des rôles',
	'le plan de communication',
	'la charte de gouvernance',
	"l'étude de faisabilité",
	'les indicateurs de suivi',
	'le compte rendu du dernier comité',
	'la demande de subvention',
	'le programme des rencontres',
	'la cartographie des acteurs',
	'le marché de restauration collective',
	'la navette entre les bourgs',
	'le schéma des mobilités douces',
	'le tiers-lieu numérique',
	'la plateforme de covoiturage',
	'le jardin partagé',
	'le guichet unique',
	'la formation des bénévoles',
	'le fonds de mutualisation',
	"l'enquête auprès des usagers",
	'la fiche action n° 4',
	'le protocole de repérage',
	'la saison culturelle',
	'le contrat local de santé',
	'la charte paysagère',
	'le plan alimentaire territorial'
];
const HOW = [
	' ; à suivre au prochain comité.',
	' malgré des retards.',
	' après deux réunions tendues.',
	'.',
	' — point à reprendre avec les services de l’État.',
	', avec un bon niveau de confiance.',
	' sans consulter les partenaires.',
	', ce qui débloque la suite.',
	' : les avis restent partagés.',
	' dans les délais prévus.',
	' faute de crédits suffisants.',
	' à la demande du sous-préfet.',
	' en attendant le vote du budget.',
	' avec l’appui d’un bureau d’études.',
	' ; la presse locale en a parlé.'
];
const PLACES = ['Saint-Aubin', 'Lavaur', 'Montmorillon', 'Le Vigan', 'Figeac', 'Ambert', 'Château-Chinon', 'Nérac', 'Quimperlé', 'Millau', 'Saverne', 'Tulle'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'septembre', 'octobre', 'novembre', 'décembre'];
const FOLLOW_UPS = [
	(r: () => number, pick: <T>(l: readonly T[]) => T) => `${Math.floor(r() * 30) + 3} participants présents à ${pick(PLACES)}.`,
	(_r: () => number, pick: <T>(l: readonly T[]) => T) => `Prochaine étape : ${pick(WHAT)}.`,
	(r: () => number, pick: <T>(l: readonly T[]) => T) => `Réunion fixée au ${Math.floor(r() * 27) + 1} ${pick(MONTHS)} à ${pick(PLACES)}.`,
	(r: () => number) => `Budget engagé : ${Math.floor(r() * 90) + 10} % de l’enveloppe.`,
	(_r: () => number, pick: <T>(l: readonly T[]) => T) => `${pick(WHO)} ${pick(DID)} ${pick(WHAT)}${pick(HOW)}`,
	(_r: () => number, pick: <T>(l: readonly T[]) => T) => `Question ouverte sur ${pick(WHAT)} pour ${pick(PLACES)}.`
];
const FORMULAIC = ['RAS', 'idem', 'Pas de changement', 'voir précédent', 'RAS.', 'Idem revue précédente'];
const PASTED = Array.from(
	{ length: 40 },
	(_, n) =>
		`Démarche exemplaire à reproduire : ${WHAT[n % WHAT.length]} portée à ${PLACES[n % PLACES.length]} sert de modèle n° ${n + 1}, à diffuser tel quel aux autres territoires du réseau.`
);
const ACTIONS = [
	'Relancer les élus sur la convention',
	'Organiser un atelier de co-construction',
	'Mettre à jour la cartographie des acteurs',
	'Envoyer le compte rendu aux partenaires',
	'Préparer le bilan annuel',
	'Clarifier le qui fait quoi',
	'Informer les partenaires de leurs engagements'
];
const LEVELS = ['political', 'technical', 'operational', 'other'] as const;

function comment(rand: () => number): string {
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
	let text = `${pick(WHO)} ${pick(DID)} ${pick(WHAT)}${pick(HOW)}`;
	if (rand() < 0.6) text += ` ${pick(FOLLOW_UPS)(rand, pick)}`;
	return text;
}

/** Month arithmetic on days, clamped to the 28th so that every month has the day. */
function monthsBefore(day: string, months: number): string {
	const [y, m] = day.split('-').map(Number);
	const total = y * 12 + (m - 1) - months;
	return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(Number(day.slice(8)), 28)).padStart(2, '0')}`;
}

/** Fills `db` with the portfolio, in one transaction with prepared statements. */
export function generatePortfolio(db: Db, size: BenchSize, seed = 20260302): { assessments: number; actions: number } {
	const client = db.$client;
	const rand = random(seed);
	const asOfDay = AS_OF.toISOString().slice(0, 10);
	const insertWatchpoint = client.prepare(
		`insert into watchpoint (key, kind, title_fr, text_fr, title_en, text_en, position, from_seed)
		 values (?, ?, ?, ?, ?, ?, ?, 0)`
	);
	const insertProject = client.prepare(
		`insert into project (slug, name, start_date, status, default_cadence_days, default_grace_days)
		 values (?, ?, ?, ?, ?, ?)`
	);
	const insertActor = client.prepare('insert into actor (project_id, name, level) values (?, ?, ?)');
	const insertTracked = client.prepare(
		'insert into tracked_watchpoint (project_id, watchpoint_id, cadence_days, grace_days) values (?, ?, null, null)'
	);
	const insertReview = client.prepare('insert into review (project_id, held_on, facilitator) values (?, ?, ?)');
	const insertParticipant = client.prepare('insert into review_participant (review_id, actor_id) values (?, ?)');
	const insertAssessment = client.prepare(
		'insert into assessment (review_id, watchpoint_id, rating, comment) values (?, ?, ?, ?)'
	);
	const insertAction = client.prepare(
		`insert into action (project_id, assessment_id, watchpoint_id, title, due_on, status, closed_on)
		 values (?, ?, ?, ?, ?, ?, ?)`
	);
	const insertCommitment = client.prepare(
		'insert into commitment (project_id, actor_id, description, recorded_on, informed_on) values (?, ?, ?, ?, ?)'
	);

	let assessments = 0;
	let actions = 0;
	client.transaction(() => {
		const watchpointIds: number[] = [];
		for (let w = 0; w < size.watchpoints; w++) {
			const key = `bench-${String(w + 1).padStart(2, '0')}`;
			const kind = w < 7 ? 'success_factor' : 'vigilance';
			watchpointIds.push(
				Number(
					insertWatchpoint.run(key, kind, `Point ${w + 1}`, `Texte du point ${w + 1}`, `Point ${w + 1}`, `Text of point ${w + 1}`, w + 1)
						.lastInsertRowid
				)
			);
		}

		for (let p = 0; p < size.projects; p++) {
			// most projects review monthly and on time; some slipped weeks or months ago
			const lagRoll = rand();
			const lagDays = lagRoll < 0.7 ? Math.floor(rand() * 25) : lagRoll < 0.9 ? 30 + Math.floor(rand() * 60) : 100 + Math.floor(rand() * 200);
			const lastReview = addDays(asOfDay, -lagDays);
			const firstReview = monthsBefore(lastReview, size.reviews - 1);
			const statusRoll = rand();
			const status = statusRoll < 0.04 ? 'paused' : statusRoll < 0.07 ? 'closed' : 'active';
			const projectId = Number(
				insertProject.run(`projet-${p + 1}`, `Coopération territoriale n° ${p + 1}`, addDays(firstReview, -20), status, 35, 7).lastInsertRowid
			);

			const actorIds: number[] = [];
			const actorCount = 4 + Math.floor(rand() * 6);
			for (let a = 0; a < actorCount; a++) {
				actorIds.push(Number(insertActor.run(projectId, `Acteur ${p + 1}.${a + 1}`, LEVELS[Math.floor(rand() * LEVELS.length)]).lastInsertRowid));
			}
			for (let c = 0; c < 4; c++) {
				const recordedOn = addDays(firstReview, Math.floor(rand() * 1500));
				insertCommitment.run(
					projectId,
					actorIds[c % actorIds.length],
					`Engagement ${c + 1} : ${WHAT[Math.floor(rand() * WHAT.length)]}`,
					recordedOn,
					rand() < 0.7 ? addDays(recordedOn, Math.floor(rand() * 20)) : null
				);
			}
			for (const watchpointId of watchpointIds) insertTracked.run(projectId, watchpointId);

			// habits of this project
			const sameCircle = rand() < 0.2;
			const uniformLatest = rand() < 0.05;
			const recurringAction = rand() < 0.08 ? ACTIONS[Math.floor(rand() * ACTIONS.length)] : null;
			const habitOf = watchpointIds.map(() => {
				const r = rand();
				return r < 0.08 ? 'repeat' : r < 0.11 ? 'formulaic' : r < 0.13 ? 'pasted' : 'varied';
			});
			const ratingOf = watchpointIds.map(() => 1 + Math.floor(rand() * 4));
			const lastComment = watchpointIds.map(() => '');
			const circle = actorIds.slice(0, 3);

			for (let r = 0; r < size.reviews; r++) {
				const heldOn = monthsBefore(lastReview, size.reviews - 1 - r);
				const reviewId = Number(insertReview.run(projectId, heldOn, 'Animation partagée').lastInsertRowid);
				const participants = sameCircle ? circle : actorIds.filter(() => rand() < 0.6);
				for (const actorId of participants.length > 0 ? participants : circle) insertParticipant.run(reviewId, actorId);
				// habits settle in over the last months, not from the first review
				const lateHabit = r >= size.reviews - 5;
				const uniform = uniformLatest && r === size.reviews - 1 ? 3 : null;

				for (let w = 0; w < watchpointIds.length; w++) {
					if (rand() < 0.3) ratingOf[w] = Math.max(1, Math.min(4, ratingOf[w] + (rand() < 0.5 ? -1 : 1)));
					const habit = lateHabit ? habitOf[w] : 'varied';
					let text: string;
					if (habit === 'repeat' && lastComment[w]) text = rand() < 0.5 ? lastComment[w] : lastComment[w].replace(/\.$/, ' !');
					else if (habit === 'formulaic') text = FORMULAIC[Math.floor(rand() * FORMULAIC.length)];
					else if (habit === 'pasted') text = PASTED[(p + w) % PASTED.length];
					else text = comment(rand);
					lastComment[w] = text;
					const rating = rand() < 0.03 ? null : (uniform ?? ratingOf[w]);
					const assessmentId = Number(insertAssessment.run(reviewId, watchpointIds[w], rating, text).lastInsertRowid);
					assessments++;

					const wantsAction = (recurringAction && w === 0 && lateHabit) || (rating !== null && rating <= 2 && rand() < 0.1);
					if (wantsAction) {
						const title = recurringAction && w === 0 && lateHabit ? recurringAction : ACTIONS[Math.floor(rand() * ACTIONS.length)];
						const open = (recurringAction && w === 0) || r >= size.reviews - 3 || rand() < 0.2;
						insertAction.run(
							projectId,
							assessmentId,
							watchpointIds[w],
							title,
							addDays(heldOn, 30),
							open ? 'open' : 'done',
							open ? null : addDays(heldOn, 20)
						);
						actions++;
					}
				}
			}
		}
	})();
	return { assessments, actions };
}

/** A count of at least 1, or the reason it is not one. */
function count(option: string, raw: string | undefined, fallback: number): number {
	if (raw === undefined) return fallback;
	const value = Number(raw);
	return Number.isInteger(value) && value >= 1 ? value : usageError(`--${option}: not a whole number of at least 1: ${raw}`);
}

/** The bench prints its own table; the scans' log lines would only interleave with it. */
const quiet = () => {};
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);

interface Measures {
	fullMs: number;
	fullCpuMs: number;
	rescanMs: number;
	rescanCpuMs: number;
	rescanReused: boolean;
	changedMs: number;
	changedCpuMs: number;
	/** maxRSS after the full and the unchanged scan, in bytes */
	peak: number;
	/** maxRSS once the scan after an edit ran too */
	peakAfterEdit: number;
	rssAtStart: number;
	timings: { loadMs: number; evaluateMs: number; writeMs: number };
	opened: number;
	byRule: [string, number][];
}

/**
 * The scans, measured in a process of their own (as the server's would be), so that the memory
 * the data generation used does not count as the scan's.
 */
function measure(path: string): Measures {
	const rssAtStart = process.resourceUsage().maxRSS * 1024;
	const db = openDatabase(path);
	const cpuMs = (since: NodeJS.CpuUsage) => {
		const used = process.cpuUsage(since);
		return (used.user + used.system) / 1000;
	};
	const timed = () => {
		const t = performance.now();
		const cpu = process.cpuUsage();
		const outcome = runScan(db, { now: AS_OF, trigger: 'cli', timeZone: TIME_ZONE, log: quiet });
		if (outcome.status !== 'completed') throw new Error(`a scan did not complete: ${outcome.status === 'failed' ? outcome.error : 'skipped'}`);
		return { outcome, ms: performance.now() - t, cpuMs: cpuMs(cpu) };
	};
	try {
		const first = timed();
		const second = timed();
		const peak = process.resourceUsage().maxRSS * 1024;
		// one review edited since: the rules run again in full, the alerts barely change
		db.$client.prepare('update review set updated_at = ? where id = (select max(id) from review)').run(AS_OF.toISOString());
		const third = timed();
		if (third.outcome.reused) throw new Error('the scan after an edit did not run the rules again');
		const byRule = new Map<string, number>();
		for (const rule of db.$client.prepare('select rule from alert').pluck().iterate() as IterableIterator<string>) {
			byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
		}
		return {
			fullMs: first.ms,
			fullCpuMs: first.cpuMs,
			rescanMs: second.ms,
			rescanCpuMs: second.cpuMs,
			rescanReused: second.outcome.reused,
			changedMs: third.ms,
			changedCpuMs: third.cpuMs,
			peak,
			peakAfterEdit: process.resourceUsage().maxRSS * 1024,
			rssAtStart,
			timings: first.outcome.timings,
			opened: first.outcome.opened.length,
			byRule: [...byRule].sort((a, b) => b[1] - a[1])
		};
	} finally {
		db.$client.close();
	}
}

function report(size: BenchSize, generated: { assessments: number; actions: number; buildMs: number; dbSize: number }, m: Measures): string {
	const ok = (good: boolean) => (good ? 'ok' : 'MISSED');
	const rows: [string, string, string, string, string][] = [
		['full scan', `${Math.round(m.fullMs)} ms`, `${Math.round(m.fullCpuMs)} ms`, `< ${TARGETS.fullScanMs} ms`, ok(m.fullMs < TARGETS.fullScanMs)],
		['unchanged re-scan', `${Math.round(m.rescanMs)} ms`, `${Math.round(m.rescanCpuMs)} ms`, `< ${TARGETS.rescanMs} ms`, ok(m.rescanMs < TARGETS.rescanMs)],
		['peak memory (maxRSS)', `${mb(m.peak)} MB`, '', `< ${TARGETS.peakMemoryMb} MB`, ok(mb(m.peak) < TARGETS.peakMemoryMb)],
		['  full scan: load histories', `${m.timings.loadMs} ms`, '', '', ''],
		['  full scan: evaluate rules', `${m.timings.evaluateMs} ms`, '', '', ''],
		['  full scan: write alerts', `${m.timings.writeMs} ms`, '', '', ''],
		['re-scan after one edit', `${Math.round(m.changedMs)} ms`, `${Math.round(m.changedCpuMs)} ms`, '', ''],
		['  peak memory after it', `${mb(m.peakAfterEdit)} MB`, '', '', '']
	];
	const header = ['measure', 'wall', 'cpu', 'target', ''];
	const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), header[c].length));
	const pad = (r: string[]) =>
		`${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padStart(widths[2])}  ${r[3].padEnd(widths[3])}  ${r[4]}`.trimEnd();
	return [
		`Vigie bench: ${fmt(size.projects)} projects × ${fmt(size.watchpoints)} watch-points × ${fmt(size.reviews)} monthly reviews`,
		`  ${fmt(generated.assessments)} assessments, ${fmt(generated.actions)} actions; generated in ${(generated.buildMs / 1000).toFixed(1)} s, database ${mb(generated.dbSize)} MB`,
		`  scan as of ${AS_OF.toISOString()}: ${fmt(m.opened)} alerts opened (${m.byRule.map(([rule, n]) => `${rule} ${fmt(n)}`).join(', ')})`,
		`  the unchanged re-scan ${m.rescanReused ? 'reused the findings of the first: nothing had changed' : 'ran the rules again'}`,
		`  scans measured in a fresh process (maxRSS ${mb(m.rssAtStart)} MB before opening the database)`,
		'',
		pad(header),
		pad(widths.map((w) => '-'.repeat(w)).concat('')),
		...rows.map(pad),
		'',
		`  cpu: the process's processor time (its garbage collector threads included); wall time also`,
		`  counts waiting for a shared processor (load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores)`
	].join('\n');
}

export async function run(args: string[]): Promise<number> {
	// the child side: measure the scans of an existing bench database, answer in JSON
	if (args[0] === '--measure' && args[1]) {
		console.log(JSON.stringify(measure(args[1])));
		return 0;
	}
	const values = { projects: 'a number', watchpoints: 'a number', reviews: 'a number' };
	const read = readArgs(args, USAGE, { flags: ['keep'], values }, (o) => ({
		projects: count('projects', o.projects, DEFAULT_SIZE.projects),
		watchpoints: count('watchpoints', o.watchpoints, DEFAULT_SIZE.watchpoints),
		reviews: count('reviews', o.reviews, DEFAULT_SIZE.reviews),
		keep: o.keep
	}));
	if (!read.ok) return read.exitCode;
	const size = read.value;
	const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
	const path = join(dir, 'bench.db');
	try {
		const started = performance.now();
		const builder = openDatabase(path);
		builder.$client.pragma('synchronous = OFF');
		const generated = generatePortfolio(builder, size);
		builder.$client.pragma('wal_checkpoint(TRUNCATE)');
		builder.$client.close();
		const buildMs = performance.now() - started;
		const dbSize = statSync(path).size;

		const bin = fileURLToPath(new URL('../../bin/vigie.js', import.meta.url));
		const child = spawnSync(process.execPath, [bin, 'bench', '--measure', path], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
		if (child.status !== 0) throw new Error(`the measuring process failed: ${child.stderr || child.stdout}`);
		const measures = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as Measures;

		console.log(report(size, { ...generated, buildMs, dbSize }, measures));
		const met = measures.fullMs < TARGETS.fullScanMs && measures.rescanMs < TARGETS.rescanMs && mb(measures.peak) < TARGETS.peakMemoryMb;
		return met ? 0 : 1;
	} finally {
		if (size.keep) console.log(`\ndatabase kept: ${path}`);
		else rmSync(dir, { recursive: true, force: true });
	}
}
