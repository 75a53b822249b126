CREATE TABLE `application_images` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token` text NOT NULL,
	`application_id` integer,
	`mime` text NOT NULL,
	`bytes` blob NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_images_token_unique` ON `application_images` (`token`);--> statement-breakpoint
CREATE UNIQUE INDEX `application_images_application` ON `application_images` (`application_id`);--> statement-breakpoint
CREATE INDEX `application_images_created` ON `application_images` (`created_at`);--> statement-breakpoint
CREATE TABLE `application_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`fit` integer NOT NULL,
	`quality` integer NOT NULL,
	`novelty` integer NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "application_reviews_fit" CHECK("application_reviews"."fit" BETWEEN 1 AND 5),
	CONSTRAINT "application_reviews_quality" CHECK("application_reviews"."quality" BETWEEN 1 AND 5),
	CONSTRAINT "application_reviews_novelty" CHECK("application_reviews"."novelty" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_reviews_one_per_reviewer` ON `application_reviews` (`application_id`,`reviewer_id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `application_id` integer REFERENCES applications(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `outbox_application` ON `outbox` (`application_id`);--> statement-breakpoint
ALTER TABLE `applications` ADD `released_status` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `decision_note` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `confirm_by` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `reminder_sent_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `locale` text DEFAULT 'sr-Latn' NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `withdrawn_reason` text;