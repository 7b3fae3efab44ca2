ALTER TABLE `api_keys` ADD `rotated_from` text;
