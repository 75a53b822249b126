CREATE TABLE `floor_plans` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`width` real DEFAULT 40 NOT NULL,
	`height` real DEFAULT 25 NOT NULL,
	`background_mime` text,
	`background_bytes` blob,
	`published_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "floor_plans_extent" CHECK("floor_plans"."width" > 0 AND "floor_plans"."height" > 0)
);
--> statement-breakpoint
CREATE TABLE `stand_assignments` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`event_id` integer NOT NULL,
	`stand_id` integer NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	`assigned_at` integer NOT NULL,
	`notified_at` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stand_id`) REFERENCES `stands`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stand_assignments_stand` ON `stand_assignments` (`stand_id`);--> statement-breakpoint
CREATE INDEX `stand_assignments_event` ON `stand_assignments` (`event_id`);--> statement-breakpoint
CREATE TABLE `stands` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`label` text NOT NULL,
	`x` real NOT NULL,
	`y` real NOT NULL,
	`width` real NOT NULL,
	`height` real NOT NULL,
	`size_m2` real NOT NULL,
	`power` integer DEFAULT false NOT NULL,
	`accessible` integer DEFAULT false NOT NULL,
	`zone` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "stands_geometry" CHECK("stands"."width" > 0 AND "stands"."height" > 0 AND "stands"."size_m2" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stands_event_label` ON `stands` (`event_id`,`label`);