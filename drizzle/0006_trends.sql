ALTER TABLE `tracked_state` ADD `rating_trail` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `alert_first_seen_idx` ON `alert` (`first_seen_at`);--> statement-breakpoint
CREATE INDEX `alert_resolved_idx` ON `alert` (`resolved_at`);--> statement-breakpoint
-- Every project's read model is computed again at the next start, with its ratings' trails.
UPDATE `project_state` SET `data_version` = `data_version` + 1;
