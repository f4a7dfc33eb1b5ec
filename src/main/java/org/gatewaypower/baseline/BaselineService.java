package org.gatewaypower.baseline;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.analysis.HeavyWork;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.baseline.Comparison.ChangeType;
import org.gatewaypower.baseline.Comparison.Impact;
import org.gatewaypower.baseline.Comparison.ItemChange;
import org.gatewaypower.baseline.ItemDiff.Keys;
import org.gatewaypower.baseline.ItemDiff.Side;
import org.gatewaypower.baseline.internal.BaselineEntity;
import org.gatewaypower.baseline.internal.BaselineRepository;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Baselines: named, immutable snapshots of a workspace's inputs with the results of its standard
 * analysis (the design case at end of life), and comparisons of any two of baseline, current state and
 * a variant's parent.
 */
@Service
public class BaselineService {

    /** Side names accepted by {@link #compare}. */
    public static final String CURRENT = "current";
    public static final String PARENT = "parent";
    public static final String BASELINE_PREFIX = "baseline:";

    private static final int MAX_NAME = 120;
    private static final int MAX_DESCRIPTION = 2000;

    private final Clock clock;
    private final ObjectMapper json;
    private final WorkspaceService workspaces;
    private final OperationsService operations;
    private final BalanceService balances;
    private final VariantService variants;
    private final BaselineRepository baselines;
    /** Reads a workspace's snapshot and timeline in one repeatable-read transaction, so they agree. */
    private final TransactionTemplate consistentRead;
    private final TransactionTemplate write;

    private final org.gatewaypower.workspace.AuditLog audit;
    private final HeavyWork heavy;

    BaselineService(Clock clock, ObjectMapper json, WorkspaceService workspaces, OperationsService operations,
                    BalanceService balances, VariantService variants, BaselineRepository baselines,
                    PlatformTransactionManager transactions, org.gatewaypower.workspace.AuditLog audit,
                    HeavyWork heavy) {
        this.audit = audit;
        this.heavy = heavy;
        this.clock = clock;
        this.json = json;
        this.workspaces = workspaces;
        this.operations = operations;
        this.balances = balances;
        this.variants = variants;
        this.baselines = baselines;
        this.consistentRead = new TransactionTemplate(transactions);
        consistentRead.setReadOnly(true);
        consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.write = new TransactionTemplate(transactions);
    }

    // ---------------------------------------------------------------- baselines

    /**
     * Freezes the workspace as it is now: its inputs and the results of its standard analysis.
     *
     * @throws InvalidInputException naming {@code name} (required, at most 120 characters, unique in the
     *                               workspace) or {@code description} (at most 2000 characters)
     */
    public Baselines.Baseline create(long workspaceId, String name, String description, String actor) {
        workspaces.requireContributor(workspaceId, actor, "freeze a baseline");
        String n = name == null ? "" : name.strip();
        String d = description == null ? "" : description.strip();
        List<InvalidInputException.FieldViolation> problems = new ArrayList<>();
        if (n.isEmpty()) {
            problems.add(violation("name", "Baseline name is required"));
        } else if (n.length() > MAX_NAME) {
            problems.add(violation("name", "Baseline name must be at most " + MAX_NAME + " characters (was "
                    + n.length() + ")"));
        }
        if (problems.isEmpty() && org.gatewaypower.workspace.TextRules.unprintable(n, false) != null) {
            problems.add(violation("name", "Baseline name must not contain control characters or broken Unicode "
                    + "(found " + org.gatewaypower.workspace.TextRules.unprintable(n, false) + ")"));
        }
        if (d.length() > MAX_DESCRIPTION) {
            problems.add(violation("description", "Description must be at most " + MAX_DESCRIPTION
                    + " characters (was " + d.length() + ")"));
        } else if (org.gatewaypower.workspace.TextRules.unprintable(d, true) != null) {
            problems.add(violation("description", "Description must not contain control characters other than "
                    + "tabs and line breaks, or broken Unicode (found "
                    + org.gatewaypower.workspace.TextRules.unprintable(d, true) + ")"));
        }
        Baselines.Inputs inputs = current(workspaceId);
        if (problems.isEmpty() && baselines.existsByWorkspaceIdAndName(workspaceId, n)) {
            problems.add(violation("name", uniqueNameRule(n)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Baselines.Results results = analyse(inputs);
        String inputsJson = toJson(inputs);
        String resultsJson = toJson(results);
        if (inputsJson.length() > BaselineEntity.MAX_JSON || resultsJson.length() > BaselineEntity.MAX_JSON) {
            throw new InvalidInputException(List.of(violation("workspaceId",
                    "The workspace is too large to freeze (more than " + BaselineEntity.MAX_JSON
                            + " characters of JSON)")));
        }
        InvalidInputException taken = new InvalidInputException(List.of(violation("name", uniqueNameRule(n))));
        try {
            BaselineEntity saved = write.execute(tx -> {
                if (baselines.existsByWorkspaceIdAndName(workspaceId, n)) {
                    throw taken;
                }
                BaselineEntity b = baselines.saveAndFlush(new BaselineEntity(workspaceId, n, d,
                        clock.instant().truncatedTo(ChronoUnit.MICROS), actor, inputsJson, resultsJson));
                audit.record(workspaceId, actor, "baseline", n, org.gatewaypower.workspace.History.ChangeType.ADDED,
                        actor + " froze baseline \"" + n + "\"" + (d.isEmpty() ? "" : ": " + d));
                return b;
            });
            return toView(saved);
        } catch (DataIntegrityViolationException ex) {
            // Someone froze a baseline of the same name between our check and our insert.
            throw taken;
        }
    }

    /**
     * Re-creates a baseline frozen elsewhere (a workspace archive being imported), keeping its frozen
     * inputs and results and when and by whom it was frozen; joins the caller's transaction, so that
     * an import saves all or nothing.
     */
    @org.springframework.transaction.annotation.Transactional
    public Baselines.Baseline restore(long workspaceId, String name, String description, java.time.Instant createdAt,
                                      String createdBy, Baselines.Inputs inputs, Baselines.Results results,
                                      String actor) {
        workspaces.requireContributor(workspaceId, actor, "import a baseline");
        String n = name == null ? "" : name.strip();
        String d = description == null ? "" : description.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || baselines.existsByWorkspaceIdAndName(workspaceId, n)) {
            throw new InvalidInputException(List.of(violation("baselines.name", "Baseline name must be 1–" + MAX_NAME
                    + " characters and unique in the workspace (was '" + n + "')")));
        }
        if (d.length() > MAX_DESCRIPTION || inputs == null || results == null || createdAt == null) {
            throw new InvalidInputException(List.of(violation("baselines", "Baseline " + n + " needs its frozen "
                    + "inputs, results and date, and a description of at most " + MAX_DESCRIPTION + " characters")));
        }
        return toView(baselines.saveAndFlush(new BaselineEntity(workspaceId, n, d, createdAt.truncatedTo(
                ChronoUnit.MICROS), createdBy == null ? actor : createdBy, toJson(inputs), toJson(results))));
    }

    /** The workspace's baselines, oldest first. */
    public List<Baselines.Baseline> baselines(long workspaceId) {
        return consistentRead.execute(tx -> {
            workspaces.snapshot(workspaceId);
            return baselines.findByWorkspaceIdOrderByCreatedAtAscIdAsc(workspaceId).stream().map(this::toView)
                    .toList();
        });
    }

    /** A baseline, for a user who may read its workspace. */
    public Baselines.Baseline baseline(long baselineId, String actor) {
        Baselines.Baseline b = baseline(baselineId);
        workspaces.requireReadable(b.workspaceId(), actor);
        return b;
    }

    public Baselines.Baseline baseline(long baselineId) {
        return consistentRead.execute(tx -> baselines.findById(baselineId).map(this::toView)
                .orElseThrow(() -> new NotFoundException("baseline", baselineId)));
    }

    /** The workspace's inputs now: snapshot and timeline read in one transaction. */
    public Baselines.Inputs current(long workspaceId) {
        return consistentRead.execute(tx -> new Baselines.Inputs(workspaces.snapshot(workspaceId),
                operations.phases(workspaceId)));
    }

    /** The standard analysis of these inputs: the design case at end of life, on their own timeline. */
    public Baselines.Results analyse(Baselines.Inputs inputs) {
        return ResultSummaries.of(report(inputs));
    }

    private BalanceReport report(Baselines.Inputs inputs) {
        return balances.balance(inputs.workspace(), inputs.phases());
    }

    // ---------------------------------------------------------------- comparison

    /** One side of a comparison, resolved. */
    private record Resolved(String label, long workspaceId, Baselines.Inputs inputs, Baselines.Results results) {
    }

    /**
     * Compares side A with side B, each {@code "current"} (the workspace now), {@code "parent"} (the
     * parent of a variant, now) or {@code "baseline:<id>"}.
     *
     * @throws InvalidInputException naming {@code a} or {@code b} when a side is not one of those, or when
     *                               the two sides are neither the same workspace nor a variant and its parent
     */
    public Comparison compare(long workspaceId, String a, String b, String actor) {
        workspaces.requireReadable(workspaceId, actor);
        org.gatewaypower.workspace.ReadModels.DesignCase dc = workspaces.snapshot(workspaceId).designCase();
        if (dc != null && dc.spanDays() > HeavyWork.LONG_SPAN_DAYS) {
            // The ranking re-runs the analysis once per change: over years that takes seconds.
            return heavy.run(actor, "a comparison over " + Math.round(dc.spanDays()) + " days",
                    () -> compare(workspaceId, a, b, id -> workspaces.requireReadable(id, actor)));
        }
        return compare(workspaceId, a, b, id -> workspaces.requireReadable(id, actor));
    }

    /** As {@link #compare(long, String, String, String)}, for code that checked access already. */
    Comparison compare(long workspaceId, String a, String b) {
        return compare(workspaceId, a, b, id -> { });
    }

    private Comparison compare(long workspaceId, String a, String b, java.util.function.LongConsumer mayRead) {
        // Each side's workspace must be readable: a baseline or parent may belong to another workspace.
        Resolved ra = resolve(workspaceId, "a", a, mayRead);
        Resolved rb = resolve(workspaceId, "b", b, mayRead);
        Keys keysA = Keys.IDENTITY;
        Keys keysB = Keys.IDENTITY;
        if (ra.workspaceId() != rb.workspaceId()) {
            if (isVariantOf(ra.workspaceId(), rb.workspaceId())) {
                keysA = variantKeys(ra.workspaceId());
            } else if (isVariantOf(rb.workspaceId(), ra.workspaceId())) {
                keysB = variantKeys(rb.workspaceId());
            } else {
                throw new InvalidInputException(List.of(violation("b", "Side b must be of the same workspace as "
                        + "side a, its parent or one of its variants")));
            }
        }
        Side sa = Side.of(ra.inputs(), keysA);
        Side sb = Side.of(rb.inputs(), keysB);
        List<ItemChange> changes = ItemDiff.diff(sa.items(), sb.items());
        return new Comparison(ra.label(), rb.label(), changes, ComparisonDeltas.figureDeltas(ra.results(), rb.results()),
                ComparisonDeltas.checkDeltas(ra.results(), rb.results()), ra.results().socCurve(), rb.results().socCurve(),
                rank(sa, sb, changes));
    }

    private Resolved resolve(long workspaceId, String field, String side, java.util.function.LongConsumer mayRead) {
        String s = side == null ? "" : side.strip();
        if (s.equals(CURRENT)) {
            mayRead.accept(workspaceId);
            Baselines.Inputs in = current(workspaceId);
            return new Resolved("Current", workspaceId, in, analyse(in));
        }
        if (s.equals(PARENT)) {
            long parentId = variants.parent(workspaceId).map(Baselines.Variant::parentWorkspaceId)
                    .orElseThrow(() -> new InvalidInputException(List.of(violation(field, "Side " + field
                            + " is 'parent' but workspace " + workspaceId + " is not a variant"))));
            mayRead.accept(parentId);
            Baselines.Inputs in = current(parentId);
            return new Resolved("Parent (" + in.workspace().name() + ")", parentId, in, analyse(in));
        }
        if (s.startsWith(BASELINE_PREFIX)) {
            long id;
            try {
                id = Long.parseLong(s.substring(BASELINE_PREFIX.length()));
            } catch (NumberFormatException ex) {
                throw new InvalidInputException(List.of(violation(field, "Side " + field
                        + " must name a baseline by its numeric id, as baseline:<id> (was '" + s + "')")));
            }
            Baselines.Baseline bl = baseline(id);
            mayRead.accept(bl.workspaceId());
            return new Resolved("Baseline " + bl.name(), bl.workspaceId(), bl.inputs(), bl.results());
        }
        throw new InvalidInputException(List.of(violation(field, "Side " + field + " must be '" + CURRENT + "', '"
                + PARENT + "' or 'baseline:<id>' (was '" + s + "')")));
    }

    private boolean isVariantOf(long variantId, long parentId) {
        return variants.parent(variantId).map(v -> v.parentWorkspaceId() == parentId).orElse(false);
    }

    /** A variant's items named by the parent items they were copied from; items added later by their own id. */
    private Keys variantKeys(long variantWorkspaceId) {
        Map<String, Map<Long, Long>> origins = variants.origins(variantWorkspaceId);
        return (kind, id) -> {
            Long origin = origins.getOrDefault(kind, Map.of()).get(id);
            return origin != null ? String.valueOf(origin) : "variant-" + id;
        };
    }

    /**
     * Each change applied alone to side A's inputs and analysed (recomputed on the same code, so only the
     * change differs), then ranked by what it does to the energy the loads do not get (unserved plus shed at
     * the floor), then to the minimum state of charge, then to the power margin. The minimum state of charge
     * alone cannot rank: when side A sits at the battery floor every change leaves it there (+0.00 pp), while
     * the energy lost at the floor still tells the changes apart.
     */
    private List<Impact> rank(Side a, Side b, List<ItemChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Measures base = measures(a.inputs());
        List<Impact> out = new ArrayList<>();
        for (ItemChange c : changes) {
            if (Thread.currentThread().isInterrupted()) {
                // The one slow part of a comparison: one analysis per change. A cancelled request stops here.
                throw new java.util.concurrent.CancellationException("comparison cancelled after " + out.size()
                        + " of " + changes.size() + " changes");
            }
            Double shortfall = null;
            Double minSoc = null;
            Double margin = null;
            String note;
            try {
                Measures moved = measures(WhatIf.apply(a, b, c));
                margin = ComparisonDeltas.difference(moved.margin(), base.margin());
                if (base.minSoc() == null || moved.minSoc() == null) {
                    note = "no battery on one side: no state of charge or energy shortfall to compare";
                } else {
                    shortfall = moved.shortfallJ() - base.shortfallJ();
                    minSoc = moved.minSoc() - base.minSoc();
                    note = "unserved + shed energy " + Units.kwhDelta(shortfall) + " · min SOC "
                            + Units.pointsDelta(minSoc);
                }
                note += margin == null ? "" : " · power margin " + Units.pointsDelta(margin);
            } catch (WhatIf.NotAlone | NotFoundException | IllegalStateException | IllegalArgumentException ex) {
                // e.g. a removed mode that the design case still names, or inputs the physics refuses
                note = "cannot be analysed alone: " + ex.getMessage();
            }
            out.add(new Impact(c.kind(), c.key(), c.item(), c.type(), shortfall, minSoc, margin, note));
        }
        out.sort(ComparisonDeltas.RANKING);
        return out;
    }

    /** The three figures a change is ranked by; null where a side has none (no battery, no arrays). */
    private record Measures(Double shortfallJ, Double minSoc, Double margin) {
    }

    private Measures measures(Baselines.Inputs inputs) {
        BalanceReport r = report(inputs);
        Double margin = Double.isFinite(r.powerMargin()) ? r.powerMargin() : null;
        if (r.battery() == null) {
            return new Measures(null, null, margin);
        }
        return new Measures(r.battery().ledger().unservedJ() + r.battery().ledger().shedJ(),
                r.battery().minStateOfCharge(), margin);
    }

    // ---------------------------------------------------------------- mapping

    private Baselines.Baseline toView(BaselineEntity e) {
        try {
            return new Baselines.Baseline(e.getId(), e.getWorkspaceId(), e.getName(), e.getDescription(),
                    e.getCreatedAt(), e.getCreatedBy(), json.readValue(e.getInputsJson(), Baselines.Inputs.class),
                    json.readValue(e.getResultsJson(), Baselines.Results.class));
        } catch (JacksonException ex) {
            throw new IllegalStateException("Baseline " + e.getId() + " cannot be read: " + ex.getOriginalMessage(),
                    ex);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JacksonException ex) {
            throw new IllegalStateException("Cannot write a baseline as JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    private static String uniqueNameRule(String name) {
        return "Baseline name must be unique in the workspace; " + name + " exists";
    }

    private static InvalidInputException.FieldViolation violation(String field, String message) {
        return new InvalidInputException.FieldViolation(field, message);
    }

    /** For the UI: the type of a change in words. */
    public static String describe(ChangeType type) {
        return switch (type) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> "changed";
        };
    }
}
