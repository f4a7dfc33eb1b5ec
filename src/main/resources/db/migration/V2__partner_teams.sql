-- The five partner teams of the Lunar Gateway; more can be added in the application.
insert into partner_team (code, name, version) values ('NASA', 'National Aeronautics and Space Administration', 0);
insert into partner_team (code, name, version) values ('JAXA', 'Japan Aerospace Exploration Agency', 0);
insert into partner_team (code, name, version) values ('ESA', 'European Space Agency', 0);
insert into partner_team (code, name, version) values ('CSA', 'Canadian Space Agency', 0);
insert into partner_team (code, name, version) values ('MBRSC', 'Mohammed Bin Rashid Space Centre', 0);
