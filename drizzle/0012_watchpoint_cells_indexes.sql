DROP INDEX `tracked_state_project_status_idx`;--> statement-breakpoint
CREATE INDEX `tracked_state_project_cells_idx` ON `tracked_state` (`project_id`,`snoozed_until`,`due_on`,`grace_ends_on`,`last_reviewed_on`,`rating`,`watchpoint_id`);--> statement-breakpoint
CREATE INDEX `tracked_state_watchpoint_idx` ON `tracked_state` (`watchpoint_id`,`project_id`);