/**
 * The watch-point framework as it comes from the user's lessons-learned document, "Travail de
 * décryptage collectif > quelques enseignements sur les dynamiques de coopération": a two-column
 * table, success factors on the left, points of vigilance on the right.
 *
 * The French wording is the user's own text and is kept as written (its typos included): only the
 * HTML is removed. The English is a faithful translation, so that an English reader compares the
 * same ideas. Keys are stable identifiers: databases, alerts and exports refer to them, so they
 * never change, even when an admin rewords an item.
 */
import type { WatchpointKind } from './types';

export interface SeedWatchpoint {
	key: string;
	kind: WatchpointKind;
	titleFr: string;
	textFr: string;
	titleEn: string;
	textEn: string;
	/** order within its kind, from 1, as in the document */
	position: number;
}

type SeedItem = Omit<SeedWatchpoint, 'kind' | 'position'>;

const SUCCESS_FACTORS: SeedItem[] = [
	{
		key: 'trigger-element',
		titleFr: 'Un élément déclencheur',
		textFr:
			"L'existence d'un élément déclencheur : par exemple,\n- un diagnostic, une étude\n- des opportunités : un dialogue préexistant, des personnes qui se connaissent, une procédure...",
		titleEn: 'A trigger',
		textEn:
			'The existence of a trigger: for example,\n- a diagnosis, a study\n- opportunities: a pre-existing dialogue, people who already know each other, a procedure...'
	},
	{
		key: 'defined-subject',
		titleFr: 'Un sujet défini et concret',
		textFr:
			'Un sujet défini, cerné, concret. Du pragmatisme pour avancer sur des projets /sujets / objets précis.',
		titleEn: 'A defined, concrete subject',
		textEn:
			'A defined, clearly bounded, concrete subject. Pragmatism to move forward on precise projects / subjects / objects.'
	},
	{
		key: 'strong-stakes',
		titleFr: 'Des enjeux forts et compréhensibles',
		textFr: 'Des enjeux forts, simplement exprimés, compréhensibles par tous.',
		titleEn: 'Strong, understandable stakes',
		textEn: 'Strong stakes, simply expressed, understandable by everyone.'
	},
	{
		key: 'committed-actors',
		titleFr: 'Des acteurs impliqués et compétents',
		textFr:
			"Des acteurs impliqués et compétents (en terme de missions et de légitimité). Un qui fait quoi définit. Des niveaux d'acteurs cohérents avec le sujet.",
		titleEn: 'Involved, competent actors',
		textEn:
			'Involved and competent actors (in terms of remits and legitimacy). A defined "who does what". Levels of actors consistent with the subject.'
	},
	{
		key: 'participative-structure',
		titleFr: 'Une structuration adaptée',
		textFr:
			'Une structuration favorable à la participation et adaptée au contexte : plus ou moins formalisée (un document, une structure...) mais précisant les responsabilités et engagements de chacun.',
		titleEn: 'A suitable structure',
		textEn:
			"A structure that encourages participation and suits the context: more or less formal (a document, an organisation...) but setting out each party's responsibilities and commitments."
	},
	{
		key: 'cooperation-evaluation',
		titleFr: 'Une évaluation adaptée à la coopération',
		textFr:
			"Des modalités d'évaluation adaptées à la coopération, c'est-à-dire qui mesure la richesse créée par les relations.",
		titleEn: 'Evaluation suited to cooperation',
		textEn:
			'Evaluation methods suited to cooperation, that is, which measure the value created by the relationships.'
	},
	{
		key: 'resource-people',
		titleFr: 'Des personnes ressources',
		textFr:
			"La neutralité et l'expertise de personnes ressources ; l'appui sur des personnes qui font du lien",
		titleEn: 'Resource people',
		textEn:
			'The neutrality and expertise of resource people; relying on people who build bridges between others'
	}
];

const VIGILANCE_POINTS: SeedItem[] = [
	{
		key: 'have-content',
		titleFr: 'Avoir un contenu',
		textFr: 'Avoir un contenu !',
		titleEn: 'Have real content',
		textEn: 'Have some real content!'
	},
	{
		key: 'selective-opportunities',
		titleFr: 'Ne pas saisir toutes les opportunités',
		textFr:
			"Ne pas s'emparer de toutes les opportunités : certainement peuvent être des pièges ! (trop lourdes, trop rapides...).",
		titleEn: 'Not seizing every opportunity',
		textEn:
			'Do not seize every opportunity: some can certainly be traps! (too heavy, too fast...).'
	},
	{
		key: 'get-acquainted',
		titleFr: 'Prendre le temps de se connaître',
		textFr: 'Prendre le temps de faire connaissance (aussi pour développer la confiance)',
		titleEn: 'Taking time to get acquainted',
		textEn: 'Take the time to get to know each other (also to build trust)'
	},
	{
		key: 'power-stakes',
		titleFr: 'Les enjeux de pouvoir',
		textFr: 'Bien identifier les enjeux de pouvoir (et donc la capacité à partager).',
		titleEn: 'Power stakes',
		textEn: 'Clearly identify the power stakes (and therefore the capacity to share).'
	},
	{
		key: 'willingness-limits',
		titleFr: 'Volontarisme et limites',
		textFr:
			'Etre volontariste mais aussi savoir le point à ne pas dépasser ! Tous les niveaux et tous les acteurs doivent être volontaristes.',
		titleEn: 'Determination, within limits',
		textEn:
			'Be determined, but also know the line not to cross! Every level and every actor must be determined.'
	},
	{
		key: 'shared-stakes',
		titleFr: 'Un enjeu partagé et acceptable',
		textFr:
			"L'enjeu doit être partagé et acceptable. L'ambition doit être clairement définie pour lever d'éventuels freins à coopérer.",
		titleEn: 'Shared, acceptable stakes',
		textEn:
			'The stakes must be shared and acceptable. The ambition must be clearly defined to remove any obstacles to cooperating.'
	},
	{
		key: 'adapt-to-context',
		titleFr: "S'adapter au contexte",
		textFr: "S'adapter au contexte, ne pas plaquer des solutions mais les inventer ensemble.",
		titleEn: 'Adapting to the context',
		textEn: 'Adapt to the context: do not impose ready-made solutions, invent them together.'
	},
	{
		key: 'informed-commitments',
		titleFr: 'Informer des engagements pris',
		textFr: "Bien informer les protagonistes des engagements qu'ils prennent.",
		titleEn: 'Informing of commitments',
		textEn: 'Make sure the people involved are well informed of the commitments they are making.'
	},
	{
		key: 'mobilise-actors',
		titleFr: 'Mobiliser les acteurs',
		textFr:
			"Les acteurs :\n- penser à mobiliser tous les niveaux utiles (politiques, techniques...)\n- chacun à sa place\n- ne pas faire du sujet des acteurs qu'un sujet technique",
		titleEn: 'Mobilising the actors',
		textEn:
			'The actors:\n- remember to mobilise every useful level (political, technical...)\n- each in their place\n- do not treat the question of actors as a merely technical one'
	},
	{
		key: 'actor-levels',
		titleFr: "Les bons niveaux d'acteurs",
		textFr:
			"Se poser régulièrement la question des niveaux d'acteurs : est-ce les bons niveaux qui coopèrent.",
		titleEn: 'The right levels of actors',
		textEn: 'Regularly ask about the levels of actors: are the right levels cooperating?'
	},
	{
		key: 'learn-from-failures',
		titleFr: 'Capitaliser sur les échecs',
		textFr: 'Capitaliser sur / valoriser les échecs : il y a toujours quelque chose à en tirer !',
		titleEn: 'Learning from failures',
		textEn: 'Build on / make the most of failures: there is always something to learn from them!'
	},
	{
		key: 'watch-habits',
		titleFr: 'Attention aux habitudes',
		textFr:
			'Attention aux habitudes, à la reproduction systématique qui au fil du temps perd du sens.',
		titleEn: 'Beware of habits',
		textEn: 'Beware of habits, of systematic repetition that loses its meaning over time.'
	},
	{
		key: 'cooperation-legitimacy',
		titleFr: 'Légitimité de la coopération',
		textFr:
			"Se poser la question de la légitimité de la coopération (ou d'un autre mode de fonctionnement) et même parfois de sa légalité !",
		titleEn: 'Legitimacy of the cooperation',
		textEn:
			'Question the legitimacy of the cooperation (or of another way of working), and sometimes even its legality!'
	}
];

/** The 20 watch-points of the seed document: 7 success factors, then 13 points of vigilance. */
export const SEED_WATCHPOINTS: readonly SeedWatchpoint[] = [
	...SUCCESS_FACTORS.map((item, index) => ({
		...item,
		kind: 'success_factor' as const,
		position: index + 1
	})),
	...VIGILANCE_POINTS.map((item, index) => ({
		...item,
		kind: 'vigilance' as const,
		position: index + 1
	}))
];

/** The wording of a watch-point in the reader's language (French is the original). */
export function watchpointWording(
	watchpoint: Pick<SeedWatchpoint, 'titleFr' | 'textFr' | 'titleEn' | 'textEn'>,
	lang: 'fr' | 'en'
): { title: string; text: string } {
	return lang === 'en'
		? { title: watchpoint.titleEn, text: watchpoint.textEn }
		: { title: watchpoint.titleFr, text: watchpoint.textFr };
}

/** How the framework is ordered everywhere: success factors first, then by position. */
export function compareWatchpoints(
	a: Pick<SeedWatchpoint, 'kind' | 'position'> & { id?: number },
	b: Pick<SeedWatchpoint, 'kind' | 'position'> & { id?: number }
): number {
	if (a.kind !== b.kind) return a.kind === 'success_factor' ? -1 : 1;
	return a.position - b.position || (a.id ?? 0) - (b.id ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Reading the seed document itself. The table was pasted from a web page: each column is one
// tab-separated cell of HTML where every <p> is a lesson, and a <ul> (not always closed, with
// "- " items inline) continues the lesson of the <p> before it ("Les acteurs :" + its list).

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	rsquo: '’',
	lsquo: '‘',
	rdquo: '”',
	ldquo: '“',
	laquo: '«',
	raquo: '»',
	hellip: '…',
	ndash: '–',
	mdash: '—',
	eacute: 'é',
	egrave: 'è',
	ecirc: 'ê',
	agrave: 'à',
	acirc: 'â',
	ccedil: 'ç',
	ocirc: 'ô',
	ucirc: 'û',
	ugrave: 'ù',
	icirc: 'î',
	iuml: 'ï',
	Eacute: 'É',
	Agrave: 'À'
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES[name] ?? whole;
	});
}

/** Plain text of an HTML fragment on one line: tags dropped, entities decoded, spaces collapsed. */
function plainText(html: string): string {
	return decodeEntities(html.replace(/<[^>]*>/g, ' '))
		.replace(/\s+/g, ' ')
		.trim();
}

function listLines(html: string): string[] {
	const items = /<li\b/i.test(html)
		? html.split(/<li\b[^>]*>/i).slice(1)
		: plainText(html).split(/(?:^|\s)-\s+/);
	return items.map(plainText).filter((item) => item !== '').map((item) => `- ${item}`);
}

function columnItems(cell: string): string[] {
	const items: string[] = [];
	const block = /<p\b[^>]*>([\s\S]*?)(?:<\/p>|(?=<p\b|<ul\b)|$)|<ul\b[^>]*>([\s\S]*?)(?:<\/ul>|(?=<p\b)|$)/gi;
	for (const match of cell.matchAll(block)) {
		if (match[1] !== undefined) {
			const text = plainText(match[1]);
			if (text !== '') items.push(text);
		} else {
			const lines = listLines(match[2] ?? '');
			if (lines.length === 0) continue;
			if (items.length === 0) items.push(lines.join('\n'));
			else items[items.length - 1] += `\n${lines.join('\n')}`;
		}
	}
	return items;
}

export interface ParsedSeedDocument {
	title: string;
	success_factor: string[];
	vigilance: string[];
}

/**
 * The cleaned French items of the seed document, column by column. The first tab-separated line
 * holds the column headings; the lines after it hold the cells (success factors left, points of
 * vigilance right).
 */
export function parseSeedDocument(text: string): ParsedSeedDocument {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const headerIndex = lines.findIndex((line) => line.includes('\t'));
	if (headerIndex < 0) throw new Error('The seed document has no two-column table');
	const title = plainText(lines.slice(0, headerIndex).find((line) => line.trim() !== '') ?? '');
	const columns: [string, string] = ['', ''];
	for (const line of lines.slice(headerIndex + 1)) {
		if (line.trim() === '') continue;
		const [left = '', right = ''] = line.split('\t');
		columns[0] += ` ${left}`;
		columns[1] += ` ${right}`;
	}
	return { title, success_factor: columnItems(columns[0]), vigilance: columnItems(columns[1]) };
}
