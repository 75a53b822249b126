-- Private links are kept only as SHA-256 (hex) in private_links (docs/decisions/0008-hashed-private-links.md).
-- sha256() is not SQLite's: openDatabase registers it on the connection before migrations run.
CREATE TABLE `private_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`registration_id` integer,
	`application_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "private_links_one_owner" CHECK(("private_links"."registration_id" IS NULL) <> ("private_links"."application_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `private_links_registration` ON `private_links` (`registration_id`);--> statement-breakpoint
CREATE INDEX `private_links_application` ON `private_links` (`application_id`);--> statement-breakpoint
-- Links already sent keep working: each existing token becomes its hash. Erased registrations carry
-- an unusable `erased-…` placeholder, which is not a link and is not moved.
INSERT INTO `private_links` (`token_hash`, `registration_id`, `application_id`, `created_at`)
	SELECT sha256(`manage_token`), `id`, NULL, `created_at` FROM `registrations` WHERE `manage_token` NOT LIKE 'erased-%';--> statement-breakpoint
INSERT INTO `private_links` (`token_hash`, `registration_id`, `application_id`, `created_at`)
	SELECT sha256(`manage_token`), NULL, `id`, `created_at` FROM `applications`;--> statement-breakpoint
-- Mails already sent or given up on no longer need the raw token in their parameters.
UPDATE `outbox` SET `params` = json_replace(`params`, '$.registration.manageToken', '') WHERE `status` IN ('sent', 'failed') AND json_type(`params`, '$.registration.manageToken') = 'text';--> statement-breakpoint
UPDATE `outbox` SET `params` = json_replace(`params`, '$.application.manageToken', '') WHERE `status` IN ('sent', 'failed') AND json_type(`params`, '$.application.manageToken') = 'text';--> statement-breakpoint
-- A logo draft's token is looked up by its hash too.
UPDATE `application_images` SET `token` = sha256(`token`);--> statement-breakpoint
DROP INDEX `registrations_manage_token_unique`;--> statement-breakpoint
ALTER TABLE `registrations` DROP COLUMN `manage_token`;--> statement-breakpoint
DROP INDEX `applications_manage_token_unique`;--> statement-breakpoint
ALTER TABLE `applications` DROP COLUMN `manage_token`;
