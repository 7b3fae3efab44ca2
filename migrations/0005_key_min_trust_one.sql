-- Trust level 0 now means "may train on inputs" (free tiers, default-training terms). Before it held
-- no endpoint, so a stored minTrustLevel of 0 was the old default, never a choice for such endpoints:
-- keys keep what they could reach by moving to the new default, 1. Level 0 is opted into by a PATCH.
UPDATE `api_keys` SET `settings` = json_set(`settings`, '$.minTrustLevel', 1)
WHERE json_valid(`settings`) AND json_extract(`settings`, '$.minTrustLevel') = 0;
