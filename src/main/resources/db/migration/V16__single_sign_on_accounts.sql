-- Accounts created by single sign-on: the OpenID Connect issuer and subject that signed in first, so that a
-- later sign-in finds the same account even when the username claim changes, and so that a provider can
-- never take over a local account that merely has the same username. Null for local accounts.
alter table app_user add column sso_issuer varchar(400);
alter table app_user add column sso_subject varchar(255);
alter table app_user add constraint uk_app_user_sso unique (sso_issuer, sso_subject);
