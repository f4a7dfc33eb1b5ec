package org.gatewaypower.ui.workspace;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.security.Account;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.ui.component.FieldErrors;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceRole;

/**
 * Who belongs to the workspace and in which role. Owners add members, change roles and remove them;
 * everyone else sees the list.
 */
final class MembersPanel extends VerticalLayout {

    private final MembershipService membership;
    private final AccountService accounts;
    private final long workspaceId;
    private final String me;
    private final Grid<ReadModels.Member> grid = new Grid<>();
    private final ComboBox<Account> user = new ComboBox<>("User");
    private final Select<WorkspaceRole> role = new Select<>();
    private final FieldErrors errors = new FieldErrors("member-errors");
    private final HorizontalLayout addBar;
    private boolean owner;

    MembersPanel(MembershipService membership, AccountService accounts, long workspaceId, String me) {
        this.membership = membership;
        this.accounts = accounts;
        this.workspaceId = workspaceId;
        this.me = me;
        setPadding(false);
        Paragraph rules = new Paragraph("Owners change anything in the workspace, including its members, the "
                + "analysis case and the timeline. Editors change the loads, batteries and arrays their team owns. "
                + "Viewers read.");
        rules.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);

        grid.setId("members");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(ReadModels.Member::displayName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(ReadModels.Member::username).setHeader("User").setFlexGrow(1);
        grid.addColumn(m -> m.teamCode() == null ? "—" : m.teamCode()).setHeader("Team").setFlexGrow(1);
        grid.addComponentColumn(this::roleCell).setHeader("Role").setFlexGrow(1);
        grid.addComponentColumn(this::removeCell).setFlexGrow(0).setWidth("7rem");
        grid.setAllRowsVisible(true);

        user.setId("member-user");
        user.setItemLabelGenerator(a -> a.displayName() + " (" + a.username()
                + (a.teamCode() == null ? "" : ", " + a.teamCode()) + ")");
        errors.register("username", user);
        role.setLabel("Role");
        role.setId("member-role");
        role.setItems(WorkspaceRole.values());
        role.setItemLabelGenerator(WorkspaceRole::label);
        role.setValue(WorkspaceRole.EDITOR);
        errors.register("role", role);
        Button add = new Button("Add member", e -> add());
        add.setId("member-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        addBar = new HorizontalLayout(user, role, add);
        addBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(rules, addBar, errors.area(), grid);
    }

    /** Shows the members; editing controls only for owners. */
    void refresh(boolean mayManage) {
        owner = mayManage;
        addBar.setVisible(mayManage);
        List<ReadModels.Member> members = membership.members(workspaceId);
        grid.setItems(members);
        if (mayManage) {
            List<String> present = members.stream().map(ReadModels.Member::username).toList();
            user.setItems(accounts.directory().stream().filter(a -> !present.contains(a.username())).toList());
        }
    }

    private com.vaadin.flow.component.Component roleCell(ReadModels.Member m) {
        if (!owner) {
            return new com.vaadin.flow.component.html.Span(m.role().label());
        }
        Select<WorkspaceRole> s = new Select<>();
        s.setItems(WorkspaceRole.values());
        s.setItemLabelGenerator(WorkspaceRole::label);
        s.setValue(m.role());
        s.setId("member-role-" + m.username());
        s.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                apply(() -> membership.setMember(workspaceId, m.username(), e.getValue(), me),
                        m.username() + " is now " + e.getValue().label().toLowerCase());
            }
        });
        return s;
    }

    private com.vaadin.flow.component.Component removeCell(ReadModels.Member m) {
        Button remove = new Button("Remove", e -> apply(() -> membership.removeMember(workspaceId, m.username(), me),
                m.username() + " removed"));
        remove.setId("member-remove-" + m.username());
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setVisible(owner);
        return remove;
    }

    private void add() {
        Account a = user.getValue();
        apply(() -> membership.setMember(workspaceId, a == null ? null : a.username(), role.getValue(), me),
                (a == null ? "" : a.username()) + " added");
        if (a != null) {
            user.clear();
        }
    }

    private void apply(Runnable change, String done) {
        errors.clear();
        try {
            change.run();
            Feedback.saved(done);
        } catch (InvalidInputException ex) {
            errors.show(ex);
            Feedback.error(ex.getMessage());
        } catch (ForbiddenException ex) {
            Feedback.error("Not saved: " + ex.getMessage());
        }
        refresh(owner);
    }
}
