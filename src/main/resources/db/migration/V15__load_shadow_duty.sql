-- A load's duty cycle in eclipse (fraction 0-1), for loads such as heaters that work harder in shadow.
-- Null means the same as its duty cycle in sunlight; it applies in every mode where that duty is above 0.
alter table load_item add column shadow_duty double precision;
alter table load_item_aud add column shadow_duty double precision;
