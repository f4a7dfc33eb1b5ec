-- The mission span (from the beginning-of-life date to mission_end) gives the eclipse catalogue the design
-- case is taken from: eclipse_source says whether the design eclipse is typed by hand or is the longest Moon,
-- Earth or any pass of that span, or a pass picked on the Eclipses page (picked_eclipse_start, its duration
-- kept in eclipse_duration_s). eclipse_shedding names the priorities switched off at eclipse entry.
alter table design_case add column mission_end timestamp with time zone;
update design_case set mission_end = bol_date + interval '15' year;
alter table design_case alter column mission_end set not null;
alter table design_case add column eclipse_source varchar(16) default 'HAND' not null;
alter table design_case add column picked_eclipse_start timestamp with time zone;
alter table design_case add column eclipse_shedding varchar(32) default 'NONE' not null;

alter table design_case_aud add column mission_end timestamp with time zone;
alter table design_case_aud add column eclipse_source varchar(16);
alter table design_case_aud add column picked_eclipse_start timestamp with time zone;
alter table design_case_aud add column eclipse_shedding varchar(32);
