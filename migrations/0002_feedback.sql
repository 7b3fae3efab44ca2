CREATE TABLE `feedback` (
	`decision_id` text PRIMARY KEY NOT NULL,
	`key_id` text NOT NULL,
	`team_id` text NOT NULL,
	`endpoint_id` text NOT NULL,
	`task_class` text NOT NULL,
	`strategy` text NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`keyphrases` text DEFAULT '[]' NOT NULL,
	`response_at` integer NOT NULL,
	`rated_at` integer NOT NULL,
	`nonce` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `feedback_key_time` ON `feedback` (`key_id`,`rated_at`);--> statement-breakpoint
CREATE TABLE `feedback_posteriors` (
	`scope` text NOT NULL,
	`endpoint_id` text NOT NULL,
	`task_class` text NOT NULL,
	`up_scaled` real DEFAULT 0 NOT NULL,
	`down_scaled` real DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `endpoint_id`, `task_class`)
);
--> statement-breakpoint
CREATE INDEX `feedback_posteriors_time` ON `feedback_posteriors` (`updated_at`);