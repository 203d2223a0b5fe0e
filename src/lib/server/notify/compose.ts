/**
 * The text of a notice as it leaves: what the outbox keeps, with what it must not keep written in
 * at the last moment. An invitation e-mail is kept with `[…]` in place of its link's token; the
 * token is rebuilt from the invitation when the e-mail is sent (`auth/invitation-links.ts`).
 */
import type { Db } from '../db';
import type { Notification } from '../db/schema';
import { invitationLinkToken } from '../auth/invitations';
import { withInvitationLink } from '../auth/invitation-links';

/** The body to send, or null when the notice has become pointless (its invitation was used or withdrawn). */
export function bodyToSend(db: Db, row: Notification, now: Date, env: NodeJS.ProcessEnv = process.env): string | null {
	// queued before links were derived: the link is in the text already (and forgotten once sent)
	if (row.payload?.kind !== 'invitation' || Array.isArray(row.payload.secrets)) return row.body;
	const token = invitationLinkToken(db, row, now, env);
	return token === null ? null : withInvitationLink(row.body, token);
}
