package org.gatewaypower.exchange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.exchange.internal.ImportMappingEntity;
import org.gatewaypower.exchange.internal.ImportMappingRepository;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a power equipment list from a spreadsheet into one element. Rows are matched with the
 * element's loads by name: a new name adds a load, a known one changes it (fields the file does not
 * have keep their values), and loads the file does not mention are kept. The import is all or
 * nothing: any invalid cell refuses the whole file, and the saves run in one transaction through
 * {@link EquipmentService}, so validation, ownership, optimistic locking and the audit trail apply
 * as to any edit.
 */
@Service
public class ImportService {

    /** What was saved. */
    public record ImportResult(int created, int changed, int unchanged, List<Long> loadIds) {
    }

    private final WorkspaceService workspaces;
    private final EquipmentService equipment;
    private final ImportMappingRepository mappings;
    private final ObjectMapper json;
    private final Clock clock;

    private final org.gatewaypower.workspace.AuditLog audit;

    ImportService(WorkspaceService workspaces, EquipmentService equipment, ImportMappingRepository mappings,
                  ObjectMapper json, Clock clock, org.gatewaypower.workspace.AuditLog audit) {
        this.audit = audit;
        this.workspaces = workspaces;
        this.equipment = equipment;
        this.mappings = mappings;
        this.json = json;
        this.clock = clock;
    }

    /** What the import would do; nothing is saved. */
    @Transactional(readOnly = true)
    public ImportPreview preview(ImportRequest request, String actor) {
        return plan(request, actor).preview;
    }

    /** Saves the import, all or nothing, and remembers the column mapping for the next import. */
    @Transactional
    public ImportResult apply(ImportRequest request, String actor) {
        Plan plan = plan(request, actor);
        ImportPreview p = plan.preview;
        if (!p.mayImport()) {
            throw new ForbiddenException(p.refusal());
        }
        if (p.rows().isEmpty()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("file",
                    p.source() + " has headings but no rows of loads")));
        }
        if (p.invalidCount() > 0) {
            List<InvalidInputException.FieldViolation> all = new ArrayList<>();
            for (ImportPreview.RowOutcome row : p.rows()) {
                for (ImportPreview.CellProblem c : row.problems()) {
                    all.add(new InvalidInputException.FieldViolation("rows." + c.row() + "." + c.field(),
                            "Row " + c.row() + (c.column().isEmpty() ? "" : ", column " + c.column()) + ": "
                                    + c.message()));
                }
            }
            throw new InvalidInputException(all);
        }
        int created = 0;
        int changed = 0;
        List<Long> ids = new ArrayList<>();
        for (Planned row : plan.rows) {
            switch (row.outcome.status()) {
                case NEW -> {
                    ids.add(equipment.createLoad(request.workspaceId(), row.draft, actor).id());
                    created++;
                }
                case CHANGED -> {
                    ids.add(equipment.updateLoad(row.existing.id(), row.existing.version(), row.draft, actor).id());
                    changed++;
                }
                default -> ids.add(row.existing.id());
            }
        }
        remember(actor, request.elementId(), plan.table.headers(), plan.readings);
        audit.record(request.workspaceId(), actor, "spreadsheet import", p.source(),
                org.gatewaypower.workspace.History.ChangeType.CHANGED, actor + " imported " + p.source() + ": "
                        + created + " new, " + changed + " changed, " + p.unchangedCount() + " unchanged loads");
        return new ImportResult(created, changed, p.unchangedCount(), ids);
    }

    /**
     * Remembers the column mapping of {@code request} for this user and element at once, keyed by the
     * headings, so that the fixed file the preview asks for is read with it when it is uploaded again;
     * an import saves it too. Nothing else is saved.
     */
    @Transactional
    public void rememberMapping(ImportRequest request, String actor) {
        if (request.mapping() == null) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("mapping",
                    "The mapping to remember is missing: give a field (or \"\" to ignore) per column")));
        }
        workspaces.requireReadable(request.workspaceId(), actor);
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(request.workspaceId());
        ReadModels.Element element = ws.element(request.elementId());
        Map<String, String> labels = LoadColumns.fields(ws.modes());
        List<InvalidInputException.FieldViolation> unknown = new ArrayList<>();
        request.mapping().forEach((column, field) -> {
            if (field != null && !field.isEmpty() && !labels.containsKey(field)) {
                unknown.add(new InvalidInputException.FieldViolation("mapping." + column, "Column " + ImportTables.letter(column)
                        + " is mapped to an unknown field '" + field + "'; choose one of the listed fields"));
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        RawTable table;
        try {
            table = ImportTables.choose(TableReader.read(request.fileName(), request.content(), request.separator()),
                    request.sheet(), element.name());
        } catch (ImportRejectedException ex) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("file", ex.getMessage())));
        }
        NumberStyle numbers = NumberStyle.of(table, request.decimalMark());
        remember(actor, element.id(), table.headers(),
                LoadColumns.readings(table, ws.modes(), request.mapping(), numbers));
    }

    // ---------------------------------------------------------------- planning

    private record Planned(ImportPreview.RowOutcome outcome, LoadItemDraft draft, ReadModels.LoadItem existing) {
    }

    private record Plan(ImportPreview preview, List<Planned> rows, RawTable table,
                        List<LoadColumns.Reading> readings) {
    }

    private Plan plan(ImportRequest request, String actor) {
        workspaces.requireReadable(request.workspaceId(), actor);
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(request.workspaceId());
        ReadModels.Element element = ws.element(request.elementId());
        List<RawTable> tables;
        try {
            tables = TableReader.read(request.fileName(), request.content(), request.separator());
        } catch (ImportRejectedException ex) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("file", ex.getMessage())));
        }
        RawTable table = ImportTables.choose(tables, request.sheet(), element.name());
        NumberStyle numbers = NumberStyle.of(table, request.decimalMark());
        Map<Integer, String> chosen = request.mapping() != null ? request.mapping()
                : remembered(actor, element.id(), table.headers());
        List<LoadColumns.Reading> readings = LoadColumns.readings(table, ws.modes(), chosen, numbers);
        Map<String, String> labels = LoadColumns.fields(ws.modes());

        List<String> notes = new ArrayList<>();
        ImportPreview.Format format = ImportTables.format(table, request, numbers);
        if (!format.explanation().isEmpty()) {
            notes.add(format.explanation());
        }
        if (request.mapping() == null && !chosen.isEmpty()) {
            notes.add("Columns " + String.join(", ", chosen.keySet().stream().sorted().map(ImportTables::letter)
                    .toList()) + " are read as you last mapped these headings for " + element.name());
        }
        List<String> tableProblems = ImportTables.tableProblems(table, readings, labels);
        Map<String, List<ReadModels.LoadItem>> byName = new HashMap<>();
        ws.loads().stream().filter(l -> l.elementId() == element.id())
                .forEach(l -> byName.computeIfAbsent(key(l.name()), k -> new ArrayList<>()).add(l));

        List<Planned> planned = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        java.util.Set<String> defaultsUsed = new java.util.TreeSet<>();
        for (RawTable.Row row : table.rows()) {
            planned.add(planRow(ws, element, table, readings, labels, row, byName, seen, tableProblems, defaultsUsed,
                    numbers));
        }
        if (!defaultsUsed.isEmpty()) {
            notes.add("New loads take defaults for columns the file does not have: " + String.join(", ", defaultsUsed));
        }
        for (int c = 0; c < readings.size(); c++) {
            LoadColumns.Reading r = readings.get(c);
            if ((r.power() || r.duty()) && !r.unit().isEmpty()) {
                notes.add("Column " + TableReader.reference(c, table.headerRow()).replaceAll("\\d", "") + " ("
                        + table.headers().get(c) + ") is read in " + r.unit());
            }
        }
        java.util.Set<Long> touched = new java.util.HashSet<>();
        planned.forEach(p -> {
            if (p.existing != null) {
                touched.add(p.existing.id());
            }
        });
        int kept = (int) ws.loads().stream().filter(l -> l.elementId() == element.id() && !touched.contains(l.id()))
                .count();

        ReadModels.Permissions perms = workspaces.permissions(request.workspaceId(), actor);
        boolean may = perms.mayEditLoadsOf(element.id());
        String refusal = may ? null : actor + " may not change the loads of " + element.name() + ": it is owned by "
                + element.ownerTeamCode() + "; only " + element.ownerTeamCode()
                + " editors and workspace owners may import into it";

        List<ImportPreview.Column> columns = new ArrayList<>();
        for (int c = 0; c < readings.size(); c++) {
            LoadColumns.Reading r = readings.get(c);
            columns.add(new ImportPreview.Column(c, TableReader.reference(c, 1).replace("1", ""),
                    table.headers().get(c), r.field(), r.field().isEmpty() ? "(ignored)" : labels.get(r.field()),
                    r.unit()));
        }
        List<ImportPreview.RowOutcome> outcomes = planned.stream().map(Planned::outcome).toList();
        ImportPreview preview = new ImportPreview(table.source(), tables.stream().map(RawTable::source).toList(),
                columns, outcomes, count(outcomes, ImportPreview.Status.NEW), count(outcomes,
                ImportPreview.Status.CHANGED), count(outcomes, ImportPreview.Status.UNCHANGED),
                count(outcomes, ImportPreview.Status.INVALID), kept, may, refusal, notes, format);
        return new Plan(preview, planned, table, readings);
    }

    private Planned planRow(ReadModels.WorkspaceSnapshot ws, ReadModels.Element element, RawTable table,
                            List<LoadColumns.Reading> readings, Map<String, String> labels, RawTable.Row row,
                            Map<String, List<ReadModels.LoadItem>> byName, Map<String, Integer> seen,
                            List<String> tableProblems, java.util.Set<String> defaultsUsed, NumberStyle numbers) {
        List<ImportPreview.CellProblem> problems = new ArrayList<>();
        tableProblems.forEach(t -> problems.add(new ImportPreview.CellProblem(row.number(), "", "mapping", t)));
        Map<String, Object> values = new HashMap<>();
        Map<String, Integer> columnOf = new HashMap<>();
        for (int c = 0; c < readings.size(); c++) {
            LoadColumns.Reading r = readings.get(c);
            if (r.field().isEmpty() || !labels.containsKey(r.field())) {
                continue;
            }
            columnOf.putIfAbsent(r.field(), c);
            RawTable.Cell cell = row.cell(c);
            String label = labels.get(r.field());
            if (cell.formula() != null) {
                problems.add(problem(row, c, table, r.field(), label + " holds a formula (" + cell.formula()
                        + "); formulas are not imported — paste the values instead"));
                continue;
            }
            try {
                Object v = switch (r.field()) {
                    case "name", "subsystem" -> cell.text().isBlank() ? null : cell.text().strip();
                    case "bus" -> LoadColumns.bus(cell);
                    case "quantity" -> LoadColumns.quantity(cell, label, numbers);
                    case "maturity" -> LoadColumns.maturity(cell);
                    case "priority" -> LoadColumns.priority(cell);
                    default -> r.power() ? LoadColumns.power(cell, r, label, numbers)
                            : LoadColumns.duty(cell, r, label, numbers);
                };
                // A blank duty in eclipse is a value too: the same as in sunlight (null), replacing a stored one.
                if (v != null || r.field().equals(LoadColumns.SHADOW_DUTY)) {
                    values.put(r.field(), v);
                }
            } catch (LoadColumns.CellException ex) {
                problems.add(problem(row, c, table, r.field(), ex.getMessage()));
            }
        }
        String name = (String) values.get("name");
        ReadModels.LoadItem existing = null;
        if (name == null) {
            if (columnOf.containsKey("name")) {
                problems.add(problem(row, columnOf.get("name"), table, "name", "Name is required"));
            }
        } else {
            Integer earlier = seen.putIfAbsent(key(name), row.number());
            if (earlier != null) {
                problems.add(problem(row, columnOf.get("name"), table, "name", "Name '" + name
                        + "' is already used by row " + earlier + " of this file; every load needs its own name"));
            }
            List<ReadModels.LoadItem> matches = byName.getOrDefault(key(name), List.of());
            if (matches.size() > 1) {
                problems.add(problem(row, columnOf.get("name"), table, "name", element.name() + " has "
                        + matches.size() + " loads named '" + name + "'; rename them first so the import knows "
                        + "which one to change"));
            } else if (matches.size() == 1) {
                existing = matches.get(0);
            }
        }
        LoadItemDraft draft = ImportChanges.draft(ws, element, values, existing, defaultsUsed, labels);
        if (problems.isEmpty()) {
            for (InvalidInputException.FieldViolation v : equipment.checkLoad(ws.id(), draft)) {
                Integer c = columnOf.get(v.field());
                problems.add(c == null ? new ImportPreview.CellProblem(row.number(), "", v.field(), v.message())
                        : problem(row, c, table, v.field(), v.message()));
            }
        }
        ImportPreview.Status status;
        List<String> changes = new ArrayList<>();
        if (!problems.isEmpty()) {
            status = ImportPreview.Status.INVALID;
        } else if (existing == null) {
            status = ImportPreview.Status.NEW;
        } else {
            changes = ImportChanges.changes(existing, draft, ws.modes());
            status = changes.isEmpty() ? ImportPreview.Status.UNCHANGED : ImportPreview.Status.CHANGED;
        }
        return new Planned(new ImportPreview.RowOutcome(row.number(), name == null ? "" : name, status, changes,
                problems), draft, existing);
    }

    private static ImportPreview.CellProblem problem(RawTable.Row row, int column, RawTable table, String field,
                                                     String message) {
        return new ImportPreview.CellProblem(row.number(), ImportTables.letter(column) + " (" + table.headers().get(column) + ")",
                field, message);
    }

    private static int count(List<ImportPreview.RowOutcome> rows, ImportPreview.Status status) {
        return (int) rows.stream().filter(r -> r.status() == status).count();
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- remembered mappings

    private Map<Integer, String> remembered(String actor, long elementId, List<String> headers) {
        Map<Integer, String> out = new HashMap<>();
        mappings.findByUsernameAndElementId(actor, elementId).ifPresent(m -> {
            try {
                Map<String, String> byHeader = json.readValue(m.getMapping(), new TypeReference<>() {
                });
                for (int c = 0; c < headers.size(); c++) {
                    if (byHeader.containsKey(headers.get(c))) {
                        out.put(c, byHeader.get(headers.get(c)));
                    }
                }
            } catch (JacksonException ex) {
                // A mapping we cannot read is just forgotten: the headers are guessed again.
                out.clear();
            }
        });
        return out;
    }

    private void remember(String actor, long elementId, List<String> headers, List<LoadColumns.Reading> readings) {
        Map<String, String> byHeader = new LinkedHashMap<>();
        for (int c = 0; c < headers.size(); c++) {
            if (!headers.get(c).isBlank()) {
                byHeader.put(headers.get(c), readings.get(c).field());
            }
        }
        try {
            String text = json.writeValueAsString(byHeader);
            if (text.length() > 8000) {
                return;
            }
            ImportMappingEntity e = mappings.findByUsernameAndElementId(actor, elementId)
                    .orElseGet(() -> new ImportMappingEntity(actor, elementId));
            e.setMapping(text, clock.instant());
            mappings.save(e);
        } catch (JacksonException ex) {
            throw new IllegalStateException("A map of strings always serialises", ex);
        }
    }
}
