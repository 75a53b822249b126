-- Issue 16: a visitor may agree that their name and municipality go on the list of participants
-- the Center sends its funders; off for every registration made before.
ALTER TABLE `registrations` ADD `consent_funder_list` integer DEFAULT false NOT NULL;