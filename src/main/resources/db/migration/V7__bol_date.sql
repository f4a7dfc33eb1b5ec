-- Beginning-of-life date of the arrays and batteries: on the ephemeris orbit their age at any instant
-- is counted from it (the design orbit keeps its hand-set array age).
alter table design_case add column bol_date timestamp with time zone default timestamp '2027-01-01 00:00:00+00' not null;
