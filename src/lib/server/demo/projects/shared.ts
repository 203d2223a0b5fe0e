/**
 * The comment pasted word for word into two projects' latest reviews, for the "pasted across
 * projects" rule ("ne pas plaquer des solutions mais les inventer ensemble"). It must be the
 * latest comment on its watch-point in both: the rule looks at what each project says now.
 */
export const PASTED_COMMENT =
	"Les partenaires restent mobilisés et les échanges sont réguliers. Il faudra veiller à maintenir l'implication de chacun dans la durée.";
