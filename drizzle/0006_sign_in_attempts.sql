ALTER TABLE `audit_event` ADD `count` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_event` ADD `aggregate_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_event_aggregate_key_unique` ON `audit_event` (`aggregate_key`);--> statement-breakpoint
CREATE INDEX `sign_in_throttle_last_failure_idx` ON `sign_in_throttle` (`last_failure_at`);