/**
 * A large portfolio for load tests and the bench (`vigie generate`, `vigie bench`): projects that
 * look like the real ones — French comments written from a varied vocabulary, ratings that drift,
 * reviews that slip — and that carry the habits the watch job looks for in realistic proportions:
 * repeated and formulaic comments, frozen ratings, the same circle of participants, actions
 * re-created, comments pasted across projects, watch-points nobody reviewed lately.
 */
import type { Db } from '../lib/server/db';
import { ensureFramework, listWatchpoints } from '../lib/server/framework';
import { addDays } from '../lib/domain/dates';
import type { IsoDate } from '../lib/domain/types';

type Pick = <T>(list: readonly T[]) => T;

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
	(r: () => number, pick: Pick) => `${Math.floor(r() * 30) + 3} participants présents à ${pick(PLACES)}.`,
	(_r: () => number, pick: Pick) => `Prochaine étape : ${pick(WHAT)}.`,
	(r: () => number, pick: Pick) => `Réunion fixée au ${Math.floor(r() * 27) + 1} ${pick(MONTHS)} à ${pick(PLACES)}.`,
	(r: () => number) => `Budget engagé : ${Math.floor(r() * 90) + 10} % de l’enveloppe.`,
	(_r: () => number, pick: Pick) => `${pick(WHO)} ${pick(DID)} ${pick(WHAT)}${pick(HOW)}`,
	(_r: () => number, pick: Pick) => `Question ouverte sur ${pick(WHAT)} pour ${pick(PLACES)}.`
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

export interface PortfolioSize {
	projects: number;
	/** watch-points each project tracks: the framework's own (as many as asked, in its order) */
	watchpoints: number;
	/** monthly reviews of each project */
	reviews: number;
}

export interface GeneratedPortfolio {
	projects: number;
	reviews: number;
	assessments: number;
	actions: number;
}

/**
 * Fills `db` with a portfolio of that shape, whose last reviews lead up to `asOfDay`, in one
 * transaction with prepared statements: the framework's own watch-points (loaded if missing),
 * tracked by every project; projects that review monthly, some weeks or months late; actors,
 * commitments, actions; and the habits the watch job looks for. The same seed gives the same
 * portfolio. The read model is not built here (see `generate` and the bench).
 */
export function generatePortfolio(db: Db, size: PortfolioSize, asOfDay: IsoDate, seed = 20260302): GeneratedPortfolio {
	ensureFramework(db, new Date(`${asOfDay}T00:00:00Z`));
	const client = db.$client;
	const rand = random(seed);
	const framework = listWatchpoints(db);
	if (size.watchpoints > framework.length) {
		throw new RangeError(`the framework has ${framework.length} watch-points, ${size.watchpoints} were asked for`);
	}
	const chosen = framework.slice(0, size.watchpoints).map((w) => w.id);
	const insertProject = client.prepare(
		`insert into project (slug, name, start_date, status, default_cadence_days, default_grace_days)
		 values (?, ?, ?, ?, ?, ?)`
	);
	const insertActor = client.prepare('insert into actor (project_id, name, level) values (?, ?, ?)');
	const insertTracked = client.prepare(
		`insert into tracked_watchpoint (project_id, watchpoint_id, cadence_days, grace_days) values (?, ?, null, null)
		 on conflict (project_id, watchpoint_id) do nothing`
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

	const firstProject = (client.prepare('select count(*) from project').pluck().get() as number) + 1;
	let assessments = 0;
	let actions = 0;
	let reviews = 0;
	client.transaction(() => {
		const watchpointIds = chosen;

		for (let p = 0; p < size.projects; p++) {
			// most projects review monthly and on time; some slipped weeks or months ago
			const lagRoll = rand();
			const lagDays = lagRoll < 0.7 ? Math.floor(rand() * 25) : lagRoll < 0.9 ? 30 + Math.floor(rand() * 60) : 100 + Math.floor(rand() * 200);
			const lastReview = addDays(asOfDay, -lagDays);
			const firstReview = monthsBefore(lastReview, size.reviews - 1);
			const statusRoll = rand();
			const status = statusRoll < 0.04 ? 'paused' : statusRoll < 0.07 ? 'closed' : 'active';
			const projectId = Number(
				insertProject.run(`projet-${firstProject + p}`, `Coopération territoriale n° ${firstProject + p}`, addDays(firstReview, -20), status, 35, 7).lastInsertRowid
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
				reviews++;
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
	return { projects: size.projects, reviews, assessments, actions };
}

