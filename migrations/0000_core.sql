CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`key_prefix` text NOT NULL,
	`scopes` text DEFAULT '["api"]' NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_team` ON `api_keys` (`team_id`);--> statement-breakpoint
CREATE TABLE `catalog_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`codename` text NOT NULL,
	`wire_format` text NOT NULL,
	`data` text NOT NULL,
	`catalog_version` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `request_log` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`team_id` text NOT NULL,
	`key_id` text NOT NULL,
	`api` text DEFAULT 'chat' NOT NULL,
	`requested_model` text NOT NULL,
	`endpoint_id` text,
	`provider` text,
	`model` text,
	`strategy` text NOT NULL,
	`task_class` text,
	`status` integer NOT NULL,
	`error_class` text,
	`stream` integer DEFAULT false NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cached_tokens` integer DEFAULT 0 NOT NULL,
	`latency_ms` integer DEFAULT 0 NOT NULL,
	`ttft_ms` integer,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`baseline_cost_usd` real DEFAULT 0 NOT NULL,
	`simulated` integer DEFAULT false NOT NULL,
	`region` text,
	`trace` text NOT NULL,
	`keyphrases` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `request_log_team_time` ON `request_log` (`team_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `request_log_key_time` ON `request_log` (`key_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
