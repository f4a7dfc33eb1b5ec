package org.gatewaypower.ui.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.collaboration.ImpactMonitor;
import org.gatewaypower.collaboration.ImpactNoticed;
import org.gatewaypower.collaboration.PresenceService;
import org.gatewaypower.collaboration.WorkspaceBroadcaster;
import org.gatewaypower.security.Account;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.ui.component.DraftForm;

/**
 * The workspace page's view of the others: who has it open and what they edit (avatars in the header,
 * marks on the rows), what this user edits (told to the others), and notices of changes that moved a
 * key result. Everything arrives by push.
 */
final class PresenceBar {

    /** How long an impact notice stays (ms): long enough to read who changed what and what it did. */
    static final int IMPACT_NOTICE_MS = 15_000;
    private static final String LOAD_KEY = "load:";

    private final PresenceService presence;
    private final ImpactMonitor impacts;
    private final AccountService accounts;
    private final String me;
    private final AvatarGroup avatars = new AvatarGroup();
    private PresenceService.Handle handle;
    private WorkspaceBroadcaster.Subscription presenceSubscription;
    private WorkspaceBroadcaster.Subscription impactSubscription;
    private final org.gatewaypower.ui.PageCloseBeacons beacons;
    private String beaconKey;

    PresenceBar(PresenceService presence, ImpactMonitor impacts, AccountService accounts, String me,
                org.gatewaypower.ui.PageCloseBeacons beacons) {
        this.beacons = beacons;
        this.presence = presence;
        this.impacts = impacts;
        this.accounts = accounts;
        this.me = me;
        avatars.setId("presence");
        avatars.setMaxItemsVisible(6);
        avatars.addClassNames(LumoUtility.Width.AUTO, LumoUtility.Flex.SHRINK_NONE);
    }

    AvatarGroup avatars() {
        return avatars;
    }

    /**
     * Joins the workspace and listens to the others until {@link #leave()}.
     *
     * @param loadEditors receives, after every change, who else edits which load ("✎ ESA power team") by id
     */
    void join(UI ui, long workspaceId, Consumer<Map<Long, String>> loadEditors) {
        leave();
        Account account = accounts.find(me).orElse(null);
        handle = presence.join(workspaceId, me, account == null ? me : account.displayName(),
                account == null ? null : account.teamCode());
        presenceSubscription = presence.subscribe(workspaceId, present -> ui.access(() -> {
            show(present);
            loadEditors.accept(editorsOfLoads(present));
        }));
        String myTeam = account == null ? null : account.teamCode();
        impactSubscription = impacts.subscribe(workspaceId, notice -> ui.access(() -> showImpact(notice, myTeam)));
        // Vaadin detaches the view of a closed tab only after missed heartbeats (minutes): say goodbye at once,
        // with a beacon the browser still delivers after the page is gone. A page kept in the back-forward cache
        // says goodbye too (its server side may be gone by the time it is shown again) and reloads when it comes
        // back, so that it joins afresh instead of showing a stale presence list.
        if (beaconKey == null) {
            beaconKey = beacons.register(() -> ui.access(this::leave));
            avatars.getElement().executeJs("const url = new URL($0 + $1, document.baseURI);"
                    + " window.addEventListener('pagehide', () => navigator.sendBeacon(url));"
                    + " window.addEventListener('pageshow', e => { if (e.persisted) location.reload(); });",
                    org.gatewaypower.ui.PageCloseBeacons.PATH.substring(1), beaconKey);
        }
    }

    void leave() {
        if (presenceSubscription != null) {
            presenceSubscription.cancel();
            presenceSubscription = null;
        }
        if (impactSubscription != null) {
            impactSubscription.cancel();
            impactSubscription = null;
        }
        if (handle != null) {
            presence.leave(handle);
            handle = null;
        }
    }

    /** Leaves and forgets the page's beacon (the view is detached: the page no longer needs it). */
    void close() {
        leave();
        beacons.forget(beaconKey);
        beaconKey = null;
    }

    /** Tells the others that this user now edits a load item (null: nothing). */
    void editingLoad(Long loadId, String name) {
        focus(loadId == null ? null : new PresenceService.Focus(LOAD_KEY + loadId, "load " + name));
    }

    /** Tells the others what this user edits while a field of {@code form} has the focus. */
    void track(DraftForm<?> form, String key, String label) {
        form.trackFocus(() -> focus(new PresenceService.Focus(key, label)), () -> focus(null));
    }

    /** Tells the others what this user edits now; null means nothing. */
    void focus(PresenceService.Focus what) {
        if (handle != null) {
            presence.focus(handle, what);
        }
    }

    private void show(List<PresenceService.Present> present) {
        List<String> abbreviations = abbreviations(present);
        List<AvatarGroup.AvatarGroupItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            AvatarGroup.AvatarGroupItem item = new AvatarGroup.AvatarGroupItem(describe(present.get(i)));
            item.setAbbreviation(abbreviations.get(i));
            items.add(item);
        }
        avatars.setItems(items);
    }

    /**
     * The avatars' letters, one per person in order: the team code ("ESA") when only one person of that team is
     * present, else the code's first two letters numbered ("ES1", "ES2"), so that two ESA engineers never show as
     * two identical avatars (the tooltip names each).
     */
    static List<String> abbreviations(List<PresenceService.Present> present) {
        Map<String, Long> perSource = present.stream()
                .collect(Collectors.groupingBy(PresenceBar::abbreviation, Collectors.counting()));
        Map<String, Integer> seen = new HashMap<>();
        return present.stream().map(p -> {
            String a = abbreviation(p);
            if (perSource.get(a) == 1) {
                return a;
            }
            int n = seen.merge(a, 1, Integer::sum);
            return a.substring(0, Math.min(2, a.length())) + n;
        }).toList();
    }

    /** "ESA power team (ESA) · editing load PPE avionics", shown as the avatar's tooltip. */
    static String describe(PresenceService.Present p) {
        String who = p.displayName() + (p.teamCode() == null ? "" : " (" + p.teamCode() + ")");
        return p.foci().isEmpty() ? who
                : who + " · editing " + p.foci().stream().map(PresenceService.Focus::label)
                        .collect(Collectors.joining(", "));
    }

    private static String abbreviation(PresenceService.Present p) {
        String source = p.teamCode() != null ? p.teamCode() : p.username();
        return source.length() <= 3 ? source : source.substring(0, 3);
    }

    private Map<Long, String> editorsOfLoads(List<PresenceService.Present> present) {
        Map<Long, String> out = new HashMap<>();
        for (PresenceService.Present p : present) {
            if (p.username().equals(me)) {
                continue;
            }
            for (PresenceService.Focus f : p.foci()) {
                if (f.key().startsWith(LOAD_KEY)) {
                    long id = Long.parseLong(f.key().substring(LOAD_KEY.length()));
                    out.merge(id, "✎ " + p.displayName(), (a, b) -> a + ", " + b.substring(2));
                }
            }
        }
        return out;
    }

    /**
     * Shows a notice to everyone, and to the team whose element the change put over its allocation a second one
     * addressed to it, which stays until closed: the team answers for that element's share of the power.
     */
    private static void showImpact(ImpactNoticed notice, String myTeam) {
        notice.overFor(myTeam).forEach(a -> {
            Span own = new Span("Your team's element " + ImpactNoticed.over(a) + ", after " + notice.actor() + " "
                    + notice.description());
            own.addClassName("allocation-notice");
            com.vaadin.flow.component.button.Button close = new com.vaadin.flow.component.button.Button("Close");
            Notification n = new Notification(own, close);
            close.addClickListener(e -> n.close());
            n.setDuration(0);
            n.setPosition(Notification.Position.BOTTOM_END);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.open();
        });
        Span text = new Span(notice.message());
        text.addClassName("impact-notice");
        Notification n = new Notification(text);
        n.setDuration(IMPACT_NOTICE_MS);
        // At the bottom: at the top it covered the Eclipses, Baselines and PDF links.
        n.setPosition(Notification.Position.BOTTOM_END);
        n.addThemeVariants(NotificationVariant.LUMO_PRIMARY);
        n.open();
    }
}
