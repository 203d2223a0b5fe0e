DROP INDEX `alert_status_idx`;--> statement-breakpoint
CREATE INDEX `alert_status_project_idx` ON `alert` (`status`,`project_id`,`severity`,`rule`);--> statement-breakpoint
DROP INDEX `tracked_state_project_idx`;--> statement-breakpoint
CREATE INDEX `tracked_state_project_status_idx` ON `tracked_state` (`project_id`,`snoozed_until`,`due_on`,`grace_ends_on`,`last_reviewed_on`,`rating`);--> statement-breakpoint
CREATE INDEX `action_status_project_due_idx` ON `action` (`status`,`project_id`,`due_on`);