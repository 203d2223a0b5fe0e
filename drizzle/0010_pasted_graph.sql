CREATE TABLE `pasted_band` (
	`band_key` integer NOT NULL,
	`text_key` integer NOT NULL,
	PRIMARY KEY(`band_key`, `text_key`)
);
--> statement-breakpoint
CREATE INDEX `pasted_band_text_idx` ON `pasted_band` (`text_key`);--> statement-breakpoint
CREATE TABLE `pasted_comment` (
	`project_id` integer NOT NULL,
	`watchpoint_id` integer NOT NULL,
	`review_id` integer NOT NULL,
	`text_key` integer NOT NULL,
	`candidate` integer NOT NULL,
	PRIMARY KEY(`project_id`, `watchpoint_id`)
);
--> statement-breakpoint
CREATE INDEX `pasted_comment_text_idx` ON `pasted_comment` (`text_key`,`project_id`,`watchpoint_id`) WHERE candidate = 1;--> statement-breakpoint
CREATE TABLE `pasted_edge` (
	`a` integer NOT NULL,
	`b` integer NOT NULL,
	`similarity` real NOT NULL,
	PRIMARY KEY(`a`, `b`)
);
--> statement-breakpoint
CREATE INDEX `pasted_edge_b_idx` ON `pasted_edge` (`b`);--> statement-breakpoint
CREATE TABLE `pasted_text` (
	`text_key` integer PRIMARY KEY NOT NULL,
	`subject` integer NOT NULL
);
