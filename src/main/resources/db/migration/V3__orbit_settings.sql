-- Orbit settings of the analysis case: which illumination timeline the energy balance runs on
-- (the hand-sizing design orbit or the ephemeris-placed 9:2 NRHO), the NRHO's phase (epoch of one
-- perilune passage) and the analysis span.
alter table design_case add column timeline varchar(16) default 'DESIGN_CASE' not null;
alter table design_case add column perilune_epoch timestamp with time zone default timestamp '2027-01-01 00:00:00+00' not null;
alter table design_case add column span_start timestamp with time zone default timestamp '2027-01-01 00:00:00+00' not null;
alter table design_case add column span_days double precision default 59.0 not null;
