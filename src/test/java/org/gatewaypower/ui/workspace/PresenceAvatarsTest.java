package org.gatewaypower.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gatewaypower.collaboration.PresenceService;
import org.junit.jupiter.api.Test;

class PresenceAvatarsTest {

    private static PresenceService.Present present(String user, String team) {
        return new PresenceService.Present(user, user, team, List.of());
    }

    @Test
    void a_team_alone_shows_its_code_and_two_of_one_team_are_told_apart() {
        List<String> letters = PresenceBar.abbreviations(List.of(present("esa", "ESA"), present("nasa", "NASA"),
                present("esa-thermal", "ESA"), present("admin", null)));

        assertThat(letters).containsExactly("ES1", "NAS", "ES2", "adm");
        assertThat(letters).doesNotHaveDuplicates();
    }
}
