package org.gatewaypower.report;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.stereotype.Service;

/**
 * The PDF budget report of a workspace for a review: cover, summary and checks, charts, eclipse
 * statistics, per-element tables and the models' assumptions, from one consistent snapshot and the
 * standard (end-of-life) analysis.
 */
@Service
public class ReportService {

    /** What a report of the workspace's current inputs is called on its cover. */
    public static final String CURRENT = "Current inputs";

    private final WorkspaceService workspaces;
    private final BalanceService balances;
    private final EclipseService eclipses;
    private final AccountService accounts;
    private final Clock clock;

    ReportService(WorkspaceService workspaces, BalanceService balances, EclipseService eclipses,
                  AccountService accounts, Clock clock) {
        this.workspaces = workspaces;
        this.balances = balances;
        this.eclipses = eclipses;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The report as PDF bytes.
     *
     * @param edition what is reported, printed on the cover: {@link #CURRENT}, "Baseline &lt;name&gt;", ...
     * @param actor   who asks (username); must be allowed to read the workspace
     */
    public byte[] render(long workspaceId, String edition, String actor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        render(workspaceId, edition, actor, out);
        return out.toByteArray();
    }

    /** As {@link #render(long, String, String)}, written to {@code out} (not closed). */
    public void render(long workspaceId, String edition, String actor, OutputStream out) {
        workspaces.requireReadable(workspaceId, actor);
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
        write(ws, ws.designCase() == null ? null : balances.balance(ws, false), edition, actor, out);
    }

    /**
     * The report of inputs frozen earlier (a baseline): the snapshot and timeline as they were, analysed
     * now with the same models; {@code workspaceId} is the workspace they belong to, which the actor must
     * be allowed to read.
     */
    public byte[] render(long workspaceId, ReadModels.WorkspaceSnapshot frozen,
                         java.util.List<org.gatewaypower.workspace.Operations.OperationPhase> phases, String edition,
                         String actor) {
        workspaces.requireReadable(workspaceId, actor);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        write(frozen, frozen.designCase() == null ? null : balances.balance(frozen, phases), edition, actor, out);
        return out.toByteArray();
    }

    private void write(ReadModels.WorkspaceSnapshot ws, BalanceReport balance, String edition, String actor,
                       OutputStream out) {
        EclipseService.Catalogue catalogue = null;
        ReadModels.DesignCase dc = ws.designCase();
        if (dc != null && dc.timeline() == AnalysisTimeline.EPHEMERIS) {
            catalogue = eclipses.catalogue(dc.periluneEpoch(), dc.spanStart(),
                    dc.spanStart().plusMillis(Math.round(dc.spanDays() * 86_400_000)));
        }
        ReportContent content = new ReportContent(ws, balance, catalogue,
                edition == null || edition.isBlank() ? CURRENT : edition.strip(), clock.instant(), person(actor),
                authors(ws));
        new ReportDocument(content).write(out);
    }

    /** A file name for the workspace's report: its name with anything unsafe in a file name replaced. */
    public String fileName(long workspaceId, String actor) {
        workspaces.requireReadable(workspaceId, actor);
        return fileName(workspaces.snapshot(workspaceId).name());
    }

    public static String fileName(String workspaceName) {
        String slug = workspaceName.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return (slug.isEmpty() ? "workspace" : slug) + "-power-budget.pdf";
    }

    private ReportContent.Person person(String username) {
        return accounts.find(username).map(a -> new ReportContent.Person(a.username(), a.displayName(), a.teamCode()))
                .orElse(new ReportContent.Person(username, username, null));
    }

    /** Who last changed each item, with how many items of each kind. */
    private List<ReportContent.Author> authors(ReadModels.WorkspaceSnapshot ws) {
        Map<String, int[]> counts = new TreeMap<>();
        ws.loads().forEach(l -> count(counts, l.updatedBy(), 0));
        ws.batteries().forEach(b -> count(counts, b.updatedBy(), 1));
        ws.arrays().forEach(a -> count(counts, a.updatedBy(), 2));
        if (ws.designCase() != null) {
            count(counts, ws.designCase().updatedBy(), 3);
        }
        List<ReportContent.Author> out = new ArrayList<>();
        counts.forEach((user, c) -> {
            ReportContent.Person p = person(user);
            out.add(new ReportContent.Author(p, c[0], c[1], c[2], c[3]));
        });
        return out;
    }

    private static void count(Map<String, int[]> counts, String user, int kind) {
        counts.computeIfAbsent(user == null ? "unknown" : user, u -> new int[4])[kind]++;
    }

    /** Everything one report shows, gathered before the layout starts. */
    record ReportContent(ReadModels.WorkspaceSnapshot workspace, BalanceReport balance, EclipseService.Catalogue catalogue,
                         String edition, Instant generatedAt, Person requestedBy, List<Author> authors) {

        /** A user as the report names them. */
        record Person(String username, String displayName, String teamCode) {
            String label() {
                return displayName + " (" + username + (teamCode == null ? "" : ", " + teamCode) + ")";
            }
        }

        /** A user who last changed some items: loads, batteries, arrays and the analysis case. */
        record Author(Person person, int loads, int batteries, int arrays, int designCases) {
        }
    }
}
