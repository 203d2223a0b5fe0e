CREATE TABLE `action` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`assessment_id` integer,
	`watchpoint_id` integer,
	`title` text NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessment`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`watchpoint_id`) REFERENCES `watchpoint`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_project_status_idx` ON `action` (`project_id`,`status`);--> statement-breakpoint
CREATE TABLE `actor` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`level` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`responsibilities` text DEFAULT '' NOT NULL,
	`email` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `actor_project_idx` ON `actor` (`project_id`);--> statement-breakpoint
CREATE TABLE `alert` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rule` text NOT NULL,
	`subject_key` text NOT NULL,
	`project_id` integer,
	`watchpoint_id` integer,
	`severity` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`explanation` text NOT NULL,
	`evidence` text,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`note` text,
	`snoozed_until` text,
	`previous_alert_id` integer,
	`similarity` real,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`watchpoint_id`) REFERENCES `watchpoint`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_status_idx` ON `alert` (`status`);--> statement-breakpoint
CREATE INDEX `alert_rule_subject_idx` ON `alert` (`rule`,`subject_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `alert_rule_subject_live_uq` ON `alert` (`rule`,`subject_key`) WHERE status <> 'resolved';--> statement-breakpoint
CREATE INDEX `alert_project_idx` ON `alert` (`project_id`);--> statement-breakpoint
CREATE TABLE `assessment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`watchpoint_id` integer NOT NULL,
	`rating` integer,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `review`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`watchpoint_id`) REFERENCES `watchpoint`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_review_watchpoint_uq` ON `assessment` (`review_id`,`watchpoint_id`);--> statement-breakpoint
CREATE INDEX `assessment_watchpoint_idx` ON `assessment` (`watchpoint_id`);--> statement-breakpoint
CREATE TABLE `commitment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`description` text NOT NULL,
	`recorded_on` text NOT NULL,
	`informed_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `actor`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `commitment_project_idx` ON `commitment` (`project_id`);--> statement-breakpoint
CREATE TABLE `lease` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `project` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`trigger` text DEFAULT '' NOT NULL,
	`stakes` text DEFAULT '' NOT NULL,
	`ambition` text DEFAULT '' NOT NULL,
	`start_date` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`archived_at` text,
	`default_cadence_days` integer DEFAULT 90 NOT NULL,
	`default_grace_days` integer DEFAULT 7 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_slug_unique` ON `project` (`slug`);--> statement-breakpoint
CREATE TABLE `review` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`facilitator` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_project_held_idx` ON `review` (`project_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `review_participant` (
	`review_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	PRIMARY KEY(`review_id`, `actor_id`),
	FOREIGN KEY (`review_id`) REFERENCES `review`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `actor`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `scan_run` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`as_of` text NOT NULL,
	`trigger` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`opened` integer DEFAULT 0 NOT NULL,
	`resolved` integer DEFAULT 0 NOT NULL,
	`still_open` integer DEFAULT 0 NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE TABLE `setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text
);
--> statement-breakpoint
CREATE TABLE `tracked_watchpoint` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`watchpoint_id` integer NOT NULL,
	`cadence_days` integer,
	`grace_days` integer,
	`owner` text,
	`snoozed_until` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`watchpoint_id`) REFERENCES `watchpoint`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tracked_project_watchpoint_uq` ON `tracked_watchpoint` (`project_id`,`watchpoint_id`);--> statement-breakpoint
CREATE TABLE `watchpoint` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`title_fr` text NOT NULL,
	`text_fr` text NOT NULL,
	`title_en` text NOT NULL,
	`text_en` text NOT NULL,
	`position` integer NOT NULL,
	`from_seed` integer DEFAULT false NOT NULL,
	`retired_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watchpoint_key_unique` ON `watchpoint` (`key`);