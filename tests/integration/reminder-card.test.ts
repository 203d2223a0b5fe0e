/**
 * The dashboard's reminder card reads only the items up to the urgency of the last one it shows
 * (lapsed, then overdue, then due soon, each by due day). Whatever the cut, it must show exactly
 * the first items of the whole list that the morning digest is made from.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { generatePortfolio } from '../../src/cli/portfolio-generator';
import { rebuildReadModel } from '../../src/lib/server/read-model';
import { dashboardReminders, projectsToRemind, reminderSettings } from '../../src/lib/server/reminders';
import { reminderDigest, remindersByUrgency, type ReminderItem } from '../../src/lib/domain/reminders';
import { dayInZone } from '../../src/lib/domain/dates';
import { useDatabase } from '../../src/lib/server/db';

const DAY = 86_400_000;
let t: TempDb;

beforeEach(() => {
	t = createTempDb();
	useDatabase(t.db);
	generatePortfolio(t.db, { projects: 14, watchpoints: 20, reviews: 5 }, dayInZone(NOW, 'Europe/Paris'));
	rebuildReadModel(t.db);
});
afterEach(() => t.close());

const admin = { id: 1, isAdmin: true };
const identity = (i: ReminderItem & { project: { id: number } }) =>
	`${i.project.id}:${i.kind}:${i.kind === 'action' ? i.actionId : i.trackedId}:${i.urgency}`;

describe('the reminder card', () => {
	// as of these days the list begins with lapsed points, then overdue ones, then points due soon
	it.each([0, 40, 120, 400])('shows the first items of the whole list, %i days on', (days) => {
		const now = new Date(NOW.getTime() + days * DAY);
		const settings = reminderSettings(t.db);
		const today = dayInZone(now, settings.timeZone);
		const whole = remindersByUrgency(reminderDigest(projectsToRemind(t.db, null, now, settings), today, settings)).map(identity);
		expect(whole.length).toBeGreaterThan(10);
		for (const [limit, offset] of [
			[1, 0],
			[8, 0],
			[8, 8],
			[25, 3],
			[whole.length + 5, 0]
		]) {
			const card = dashboardReminders(t.db, admin, now, limit, offset);
			expect(card.items.map(identity), `${limit} from ${offset}`).toEqual(whole.slice(offset, offset + limit));
			expect(card.total).toBe(whole.length);
		}
	});
});
