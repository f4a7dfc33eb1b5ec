package org.gatewaypower.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** The claim → account mapping of single sign-on, and its start-up checks. */
class SsoMappingTest {

    private static final Predicate<String> PARTNERS = Set.of("NASA", "ESA", "JAXA")::contains;

    private final SsoMapping groups = new SsoMapping("email", "name", "groups",
            Map.of("/esa/power", "ESA", "/nasa/power", "nasa"), "groups",
            Map.of("/gp/owners", "owner", "/gp/Editors", "EDITOR", "/gp/admins", "admin"), "none");

    @Test
    void the_defaults_read_preferred_username_name_agency_and_roles_with_viewer_when_no_role_maps() {
        SsoMapping.Identity id = SsoMapping.defaults().identify(Map.of("preferred_username", "Ana.Lima",
                "name", "Ana Lima", "agency", "esa", "roles", List.of("something-else")), PARTNERS);

        assertThat(id).isEqualTo(new SsoMapping.Identity("ana.lima", "Ana Lima", "ESA", SsoMapping.Role.VIEWER));
    }

    @Test
    void a_team_map_and_list_valued_claims_give_the_team_and_the_strongest_mapped_role() {
        SsoMapping.Identity id = groups.identify(Map.of("email", "kenji", "groups",
                List.of("/staff", "/nasa/power", "/gp/editors", "/gp/owners")), PARTNERS);

        assertThat(id.teamCode()).isEqualTo("NASA");
        assertThat(id.role()).isEqualTo(SsoMapping.Role.OWNER);
        assertThat(id.displayName()).as("no name claim: the username").isEqualTo("kenji");
    }

    @Test
    void without_a_role_map_role_names_in_the_role_claim_apply_directly() {
        assertThat(SsoMapping.defaults().identify(Map.of("preferred_username", "ana", "agency", "ESA",
                "roles", List.of("viewer", "Editor", "unrelated")), PARTNERS).role()).isEqualTo(SsoMapping.Role.EDITOR);
    }

    @Test
    void the_admin_value_makes_an_administrator() {
        assertThat(groups.identify(Map.of("email", "root", "groups", List.of("/esa/power", "/gp/admins")), PARTNERS)
                .role()).isEqualTo(SsoMapping.Role.ADMIN);
    }

    @Test
    void claims_naming_no_known_team_are_refused_with_the_claim_and_value_named() {
        assertThatThrownBy(() -> SsoMapping.defaults().identify(Map.of("preferred_username", "zed",
                "agency", "Unknown Agency"), PARTNERS))
                .isInstanceOf(SsoMapping.Refusal.class)
                .hasMessageContaining("Unknown Agency").hasMessageContaining("'agency'")
                .hasMessageContaining("not a Gateway Power partner team");
        assertThatThrownBy(() -> groups.identify(Map.of("email", "zed", "groups", List.of("/csa/power",
                "/gp/editors")), PARTNERS)).isInstanceOf(SsoMapping.Refusal.class);
        assertThatThrownBy(() -> SsoMapping.defaults().identify(Map.of("preferred_username", "zed"), PARTNERS))
                .isInstanceOf(SsoMapping.Refusal.class).hasMessageContaining("names no partner team");
    }

    @Test
    void two_teams_a_missing_or_invalid_username_and_no_role_without_a_default_are_refused() {
        assertThatThrownBy(() -> groups.identify(Map.of("email", "both", "groups",
                List.of("/esa/power", "/nasa/power", "/gp/editors")), PARTNERS))
                .isInstanceOf(SsoMapping.Refusal.class).hasMessageContaining("several partner teams (ESA, NASA");
        assertThatThrownBy(() -> groups.identify(Map.of("groups", List.of("/esa/power")), PARTNERS))
                .isInstanceOf(SsoMapping.Refusal.class).hasMessageContaining("no 'email' claim");
        assertThatThrownBy(() -> groups.identify(Map.of("email", "ana@esa.int", "groups", List.of("/esa/power",
                "/gp/editors")), PARTNERS))
                .isInstanceOf(SsoMapping.Refusal.class).hasMessageContaining("not a valid Gateway Power username");
        assertThatThrownBy(() -> groups.identify(Map.of("email", "ana", "groups", List.of("/esa/power")), PARTNERS))
                .isInstanceOf(SsoMapping.Refusal.class).hasMessageContaining("no Gateway Power role");
    }

    @Test
    void bad_configuration_stops_the_start_naming_the_property() {
        assertThatThrownBy(() -> new SsoMapping("preferred_username", "name", "agency", Map.of(), "roles",
                Map.of("boss", "superuser"), "viewer"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.sso.roles[boss]")
                .hasMessageContaining("admin, owner, editor or viewer");
        assertThatThrownBy(() -> new SsoMapping("preferred_username", "name", "agency",
                Map.of("esa", "european space agency"), "roles", Map.of(), "viewer"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.sso.teams[esa]");
        assertThatThrownBy(() -> new SsoMapping("preferred_username", "name", " ", Map.of(), "roles", Map.of(),
                "viewer")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.sso.team-claim");
        assertThatThrownBy(() -> new SsoMapping("preferred_username", "name", "agency", Map.of(), "roles", Map.of(),
                "chief")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.sso.default-role");
    }
}
