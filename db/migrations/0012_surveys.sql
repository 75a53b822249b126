-- Surveys (issue 15): questionnaires for visitors and the community, anonymous responses (no
-- address, user, registration or token; the time to the hour), and one-time tokens from a
-- visitor's follow-up mail (WITHOUT ROWID, added by hand: stored in hash order, so the order they
-- were issued in cannot be read back and lined up with the responses).
CREATE TABLE `survey_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`event_id` integer,
	`submitted_at` integer NOT NULL,
	`answers` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `survey_responses_survey` ON `survey_responses` (`survey_id`,`event_id`);--> statement-breakpoint
CREATE TABLE `survey_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `survey_tokens_survey` ON `survey_tokens` (`survey_id`);--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`event_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`opens_at` integer,
	`closes_at` integer,
	`questions` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "surveys_closes_after_opens" CHECK("surveys"."opens_at" IS NULL OR "surveys"."closes_at" IS NULL OR "surveys"."closes_at" > "surveys"."opens_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_slug_unique` ON `surveys` (`slug`);--> statement-breakpoint
CREATE INDEX `surveys_event` ON `surveys` (`event_id`);