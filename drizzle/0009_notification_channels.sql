CREATE TABLE `alert_notice` (
	`alert_id` integer PRIMARY KEY NOT NULL,
	`noticed_at` text NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `alert`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notification_preference` (
	`user_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`digest` text DEFAULT 'daily' NOT NULL,
	`immediate` integer DEFAULT true NOT NULL,
	`digested_until` text,
	`updated_at` text,
	PRIMARY KEY(`user_id`, `project_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notification_preference_project_idx` ON `notification_preference` (`project_id`);--> statement-breakpoint
CREATE TABLE `webhook` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`format` text NOT NULL,
	`secret` text NOT NULL,
	`events` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by_user_id` integer,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `webhook_project_idx` ON `webhook` (`project_id`);--> statement-breakpoint
ALTER TABLE `action` ADD `owner_user_id` integer REFERENCES user(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `actor` ADD `user_id` integer REFERENCES user(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `review` ADD `facilitator_user_id` integer REFERENCES user(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `tracked_watchpoint` ADD `owner_user_id` integer REFERENCES user(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `user` ADD `portfolio_digest` text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE `user` ADD `portfolio_digested_until` text;--> statement-breakpoint
ALTER TABLE `user` ADD `calendar_token_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `user_calendar_token_hash_unique` ON `user` (`calendar_token_hash`);--> statement-breakpoint
CREATE INDEX `alert_project_first_seen_idx` ON `alert` (`project_id`,`first_seen_at`);--> statement-breakpoint
CREATE INDEX `alert_project_resolved_idx` ON `alert` (`project_id`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `notification_recipient_idx` ON `notification` (`recipient`,`id`);--> statement-breakpoint
-- written by hand: the alerts already critical when immediate notices begin are not announced as new
INSERT INTO `alert_notice` (`alert_id`, `noticed_at`) SELECT `id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `alert` WHERE `severity` = 'critical' AND `status` <> 'resolved';
