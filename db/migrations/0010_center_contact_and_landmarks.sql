-- Landmarks on a fair's floor plan (entrance, stage, zones) for the public map, and the admin's site
-- settings (the Center's contact for people: email, phone, address).
CREATE TABLE `plan_landmarks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text,
	`x` real NOT NULL,
	`y` real NOT NULL,
	`width` real NOT NULL,
	`height` real NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "plan_landmarks_geometry" CHECK("plan_landmarks"."width" > 0 AND "plan_landmarks"."height" > 0)
);
--> statement-breakpoint
CREATE INDEX `plan_landmarks_event` ON `plan_landmarks` (`event_id`);--> statement-breakpoint
CREATE TABLE `site_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
