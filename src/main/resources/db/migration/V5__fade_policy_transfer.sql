-- Battery calendar fade, the "one string failed" case, the margin policy the budget is judged by, and
-- the power-transfer limit from the power element to the rest of the stack.
alter table battery add column capacity_fade_per_year double precision default 0.02 not null;
alter table design_case add column failed_capacity_share double precision default 0.0 not null;
alter table design_case add column margin_policy varchar(24) default 'ESA_SYSTEM' not null;
alter table design_case add column transfer_limit_w double precision default 24000.0 not null;
