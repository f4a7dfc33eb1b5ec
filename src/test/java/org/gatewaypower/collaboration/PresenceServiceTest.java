package org.gatewaypower.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.gatewaypower.collaboration.PresenceService.Focus;
import org.gatewaypower.collaboration.PresenceService.Present;
import org.junit.jupiter.api.Test;

/** Presence with listeners called on the calling thread, so that every notification is seen in order. */
class PresenceServiceTest {

    private final PresenceService presence = new PresenceService(Runnable::run);
    private static final Focus AVIONICS = new Focus("load:1", "load PPE avionics");
    private static final Focus BATTERY = new Focus("battery:2", "battery HALO battery A");

    @Test
    void joining_users_are_listed_in_order_with_name_and_team() {
        presence.join(1, "nasa", "NASA power team", "NASA");
        presence.join(1, "esa", "ESA power team", "ESA");
        presence.join(2, "jaxa", "JAXA", "JAXA");

        assertThat(presence.present(1)).containsExactly(
                new Present("nasa", "NASA power team", "NASA", List.of()),
                new Present("esa", "ESA power team", "ESA", List.of()));
        assertThat(presence.present(2)).extracting(Present::username).containsExactly("jaxa");
    }

    @Test
    void one_user_with_two_tabs_is_listed_once_with_what_each_tab_edits() {
        PresenceService.Handle tab1 = presence.join(1, "nasa", "NASA", "NASA");
        PresenceService.Handle tab2 = presence.join(1, "nasa", "NASA", "NASA");
        presence.focus(tab1, AVIONICS);
        presence.focus(tab2, BATTERY);

        assertThat(presence.present(1)).singleElement()
                .satisfies(p -> assertThat(p.foci()).containsExactly(AVIONICS, BATTERY));

        presence.focus(tab2, AVIONICS);
        assertThat(presence.present(1).get(0).foci()).containsExactly(AVIONICS);

        presence.leave(tab1);
        assertThat(presence.present(1)).singleElement().satisfies(p -> assertThat(p.foci()).containsExactly(AVIONICS));
        presence.leave(tab2);
        assertThat(presence.present(1)).isEmpty();
    }

    @Test
    void focus_null_means_nothing_and_leaving_twice_is_harmless() {
        PresenceService.Handle h = presence.join(1, "esa", "ESA", "ESA");
        presence.focus(h, BATTERY);
        presence.focus(h, null);
        assertThat(presence.present(1).get(0).foci()).isEmpty();

        presence.leave(h);
        presence.leave(h);
        presence.focus(h, AVIONICS);
        assertThat(presence.present(1)).isEmpty();
    }

    @Test
    void listeners_get_the_current_list_and_every_change_until_they_cancel() {
        List<List<Present>> seen = new ArrayList<>();
        PresenceService.Handle nasa = presence.join(1, "nasa", "NASA", "NASA");
        WorkspaceBroadcaster.Subscription s = presence.subscribe(1, seen::add);
        List<List<Present>> otherWorkspace = new ArrayList<>();
        presence.subscribe(2, otherWorkspace::add);

        PresenceService.Handle esa = presence.join(1, "esa", "ESA", "ESA");
        presence.focus(esa, AVIONICS);
        presence.focus(esa, AVIONICS);
        presence.leave(nasa);
        s.cancel();
        presence.leave(esa);

        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).extracting(Present::username).containsExactly("nasa");
        assertThat(seen.get(1)).extracting(Present::username).containsExactly("nasa", "esa");
        assertThat(seen.get(2).get(1).foci()).containsExactly(AVIONICS);
        assertThat(seen.get(3)).extracting(Present::username).containsExactly("esa");
        assertThat(otherWorkspace).containsExactly(List.of());
    }

    @Test
    void a_failing_listener_does_not_stop_the_others() {
        List<List<Present>> seen = new ArrayList<>();
        presence.subscribe(1, l -> {
            throw new IllegalStateException("browser gone");
        });
        presence.subscribe(1, seen::add);
        presence.join(1, "csa", "CSA", "CSA");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).extracting(Present::teamCode).containsExactly("CSA");
    }
}
