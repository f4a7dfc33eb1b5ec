-- Solar array: fixed sun incidence angle (cosine loss) and the temperature effect on output.
alter table solar_array add column incidence_deg double precision default 0.0 not null;
alter table solar_array add column temperature_coefficient_per_k double precision default 0.0 not null;
alter table solar_array add column temperature_offset_k double precision default 0.0 not null;
