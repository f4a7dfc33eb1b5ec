package org.gatewaypower.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.physics.energy.PowerState;
import org.gatewaypower.physics.energy.UniformSampler;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Runs a workspace's energy balance at beginning or end of life and returns it for clients: the
 * figures with a timeline downsampled for charts, or the full-resolution timeline as CSV.
 *
 * <p>The run is the workspace's analysis case: on the ephemeris orbit it covers the case's span from
 * its start; on the design orbit it is one orbit that starts at eclipse entry (the eclipse first, then
 * sunlight), placed in time at the case's span start.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{id}/analysis")
@Tag(name = "Analysis", description = "Energy balance runs of a workspace, at beginning or end of life")
class AnalysisApi {

    /** Timeline points returned when the request does not say. */
    static final int DEFAULT_MAX_POINTS = 2_000;
    /** Fewest timeline points a request may ask for: fewer would hide the orbit's shape. */
    static final int MIN_MAX_POINTS = 100;
    /** Most timeline points a request may ask for: a chart gains nothing beyond this. */
    static final int MAX_MAX_POINTS = 20_000;
    /** Most CSV rows in one answer: 15 years at 4-minute steps, or about 23 days at 1 s. */
    static final long MAX_CSV_ROWS = 2_000_000;

    static final String CSV_HEADER = "time_utc,t_s,lit_fraction,generation_w,load_w,battery_power_w,shed_w,"
            + "unserved_w,state_of_charge";

    /**
     * What to run.
     *
     * @param life      "BOL" (array age 0 years) or "EOL" (the design case's array age); default EOL
     * @param maxPoints most timeline points in the answer (100..20000); default 2000
     * @param spanStart start of an ephemeris-orbit span to run instead of the analysis case (ISO-8601 UTC)
     * @param spanDays  length of that span (days, 1..7305)
     */
    @Schema(description = "What to run; every field is optional")
    record AnalysisRequest(
            @Schema(description = "BOL (array age 0 years) or EOL (the design case's array age)",
                    allowableValues = {"BOL", "EOL"}, defaultValue = "EOL") String life,
            @Schema(description = "Most timeline points in the answer", minimum = "100", maximum = "20000",
                    defaultValue = "2000") Integer maxPoints,
            @Schema(description = "Run the ephemeris orbit from this instant instead of the analysis case "
                    + "(ISO-8601 UTC); with spanDays") java.time.Instant spanStart,
            @Schema(description = "Length of that span in days", minimum = "1", maximum = "7305") Double spanDays) {
    }

    private final WorkspaceService workspaces;
    private final BalanceService balances;

    private final org.gatewaypower.analysis.HeavyWork heavy;

    AnalysisApi(WorkspaceService workspaces, BalanceService balances, org.gatewaypower.analysis.HeavyWork heavy) {
        this.heavy = heavy;
        this.workspaces = workspaces;
        this.balances = balances;
    }

    /**
     * The run's figures (as {@code GET …/balance}) with its timeline downsampled to {@code maxPoints},
     * keeping the minimum and maximum state of charge and battery power of every stretch. The life
     * cases are always the standard BOL/EOL pair, whichever life was run.
     */
    @PostMapping
    @Operation(summary = "Run the energy balance at beginning or end of life",
            description = "Returns the summary figures, checks, ledger, shed loads, BOL/EOL life cases, sizing and "
                    + "the timeline downsampled to at most maxPoints points (minima and maxima kept). BOL runs the "
                    + "arrays at age 0 years, EOL at the analysis case's array age. On the design orbit the run is "
                    + "one orbit starting at eclipse entry.")
    @ApiResponse(responseCode = "200", description = "The run", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AnalysisResponse.class)))
    @ApiResponse(responseCode = "400", description = "A body field is invalid; the problem names it",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No such workspace",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    AnalysisResponse analyse(@Parameter(description = "Workspace id") @PathVariable long id,
                             @RequestBody(required = false) AnalysisRequest body,
                             java.security.Principal principal) {
        AnalysisRequest request = body == null ? new AnalysisRequest(null, null, null, null) : body;
        List<InvalidInputException.FieldViolation> problems = new ArrayList<>();
        String life = life(request.life(), problems);
        int maxPoints = request.maxPoints() == null ? DEFAULT_MAX_POINTS : request.maxPoints();
        if (maxPoints < MIN_MAX_POINTS || maxPoints > MAX_MAX_POINTS) {
            problems.add(new InvalidInputException.FieldViolation("maxPoints", "maxPoints must be between "
                    + MIN_MAX_POINTS + " and " + MAX_MAX_POINTS + " (was " + maxPoints + ")"));
        }
        boolean ownSpan = request.spanStart() != null || request.spanDays() != null;
        if (request.spanDays() != null && !(request.spanDays() >= 1 && request.spanDays() <= 7305)) {
            problems.add(new InvalidInputException.FieldViolation("spanDays",
                    "spanDays must be between 1 and 7305 days (20 years) (was " + request.spanDays() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ReadModels.WorkspaceSnapshot snapshot = workspaces.snapshot(id);
        if (ownSpan && snapshot.designCase() != null) {
            requireSpanInRange(request.spanStart() != null ? request.spanStart() : snapshot.designCase().spanStart(),
                    request.spanDays() != null ? request.spanDays() : snapshot.designCase().spanDays(),
                    request.spanStart() != null ? "spanStart" : "spanDays");
        }
        if (ownSpan && snapshot.designCase() != null) {
            snapshot = BalanceService.withSpan(snapshot,
                    request.spanStart() != null ? request.spanStart() : snapshot.designCase().spanStart(),
                    request.spanDays() != null ? request.spanDays() : snapshot.designCase().spanDays());
        }
        boolean bol = "BOL".equals(life);
        ReadModels.WorkspaceSnapshot analysed = snapshot;
        // Years of ephemeris orbit take seconds: bounded like every long computation.
        BalanceReport report = analysed.designCase() != null
                && analysed.designCase().spanDays() > org.gatewaypower.analysis.HeavyWork.LONG_SPAN_DAYS
                ? heavy.run(principal.getName(), "an analysis over " + Math.round(analysed.designCase().spanDays())
                        + " days", () -> balances.balance(analysed, bol))
                : balances.balance(analysed, bol);
        // BalanceService.balance(snapshot, true) already carries the true BOL/EOL pair of life cases.
        BalanceResponse figures = BalanceResponse.of(report);
        return AnalysisResponse.of(life, report, figures, maxPoints);
    }

    /**
     * The run's full timeline on a uniform grid, streamed as CSV. Each row carries the flows in force at
     * its instant (W) and the exact stored energy there as a state of charge (fraction 0..1, linear
     * between events); {@code t_s} is seconds from the run's start and {@code time_utc} that start plus
     * {@code t_s}: the analysis span's start, which on the design orbit is taken as the eclipse entry
     * of its one orbit. Rows are {@code floor(span / stepSeconds) + 1}; the end of the run is a row only
     * when it falls on the grid.
     */
    @GetMapping("/timeline.csv")
    @Operation(summary = "Full-resolution timeline of the run as CSV",
            description = "Columns: " + CSV_HEADER + ". Powers in W, state_of_charge as a fraction 0..1, t_s in s "
                    + "from the run's start; time_utc is the analysis span's start plus t_s (on the design orbit, "
                    + "one orbit starting at eclipse entry). At most 2,000,000 rows.")
    @ApiResponse(responseCode = "200", description = "The timeline",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "life or stepSeconds is invalid; the problem names it",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No such workspace",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "409", description = "The workspace has no battery, so the run has no timeline",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<StreamingResponseBody> timelineCsv(
            @Parameter(description = "Workspace id") @PathVariable long id,
            @Parameter(description = "BOL (array age 0 years) or EOL (the design case's array age)",
                    schema = @Schema(type = "string", allowableValues = {"BOL", "EOL"}, defaultValue = "EOL"))
            @RequestParam(defaultValue = "EOL") String life,
            @Parameter(description = "Grid step (s, ≥ 1)",
                    schema = @Schema(type = "integer", format = "int64", minimum = "1", defaultValue = "60"))
            @RequestParam(defaultValue = "60") long stepSeconds, java.security.Principal principal) {
        List<InvalidInputException.FieldViolation> problems = new ArrayList<>();
        String lifeName = life(life, problems);
        if (stepSeconds < 1) {
            problems.add(new InvalidInputException.FieldViolation("stepSeconds",
                    "stepSeconds must be at least 1 s (was " + stepSeconds + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ReadModels.WorkspaceSnapshot snapshot = workspaces.snapshot(id);
        boolean bol = "BOL".equals(lifeName);
        BalanceReport report = snapshot.designCase() != null
                && snapshot.designCase().spanDays() > org.gatewaypower.analysis.HeavyWork.LONG_SPAN_DAYS
                ? heavy.run(principal.getName(), "a timeline over " + Math.round(snapshot.designCase().spanDays())
                        + " days", () -> balances.balance(snapshot, bol))
                : balances.balance(snapshot, bol);
        List<PowerState> states = report.timeline();
        if (states.isEmpty()) {
            throw new IllegalStateException("Workspace " + snapshot.name()
                    + " has no battery, so its run has no state-of-charge timeline");
        }
        UniformSampler rows = UniformSampler.every(states, stepSeconds);
        if (rows.count() > MAX_CSV_ROWS) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("stepSeconds",
                    "stepSeconds " + stepSeconds + " gives " + rows.count() + " rows over the " + String.format(
                            Locale.ROOT, "%.1f", report.spanS() / 86_400) + "-day run; at most " + MAX_CSV_ROWS
                            + " per request (use stepSeconds ≥ "
                            + (long) Math.ceil(report.spanS() / (MAX_CSV_ROWS - 1)) + ")")));
        }
        Instant start = snapshot.designCase().spanStart();
        StreamingResponseBody body = out -> {
            // Rows are written as they are sampled: two million of them would not fit comfortably in one string.
            // Every cell is an ISO-8601 instant or a number (negative battery power stays a number), so no
            // cell needs neutralising against formula injection (see exchange.CsvCells for text cells).
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write(CSV_HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(160);
            while (rows.hasNext()) {
                PowerState s = rows.next();
                line.setLength(0);
                line.append(start.plusMillis(Math.round(s.timeS() * 1000))).append(',');
                appendNumber(line, s.timeS()).append(',');
                appendNumber(line, s.litFraction()).append(',');
                appendNumber(line, s.generationW()).append(',');
                appendNumber(line, s.loadW()).append(',');
                appendNumber(line, s.batteryPowerW()).append(',');
                appendNumber(line, s.shedW()).append(',');
                appendNumber(line, s.unservedW()).append(',');
                appendNumber(line, s.stateOfCharge()).append('\n');
                w.append(line);
            }
            w.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("workspace-" + id + "-" + lifeName.toLowerCase(Locale.ROOT) + "-timeline.csv")
                        .build().toString())
                .body(body);
    }

    /** Where the ephemerides and the leap-second table reach: a span must lie within. */
    private static final Instant EARLIEST = Instant.parse("1972-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** A span outside 1972..2100 is refused naming the field the client sent ({@code spanStart} or {@code spanDays}). */
    private static void requireSpanInRange(Instant start, double days, String field) {
        Instant end = start.plusMillis(Math.round(days * 86_400_000));
        if (start.isBefore(EARLIEST) || end.isAfter(LATEST)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation(field,
                    "The span from spanStart " + start + " over " + days + " days must lie between 1972-01-01 and "
                            + "2100-01-01 (ephemeris and leap-second range)")));
        }
    }

    /** Whole numbers without a decimal point (times, flat powers); others at full double precision. */
    private static StringBuilder appendNumber(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return sb.append((long) v);
        }
        return sb.append(v);
    }

    /** "BOL" or "EOL" (any case; absent means EOL), or a violation naming {@code life}. */
    private static String life(String value, List<InvalidInputException.FieldViolation> problems) {
        if (value == null) {
            return "EOL";
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (!v.equals("BOL") && !v.equals("EOL")) {
            problems.add(new InvalidInputException.FieldViolation("life",
                    "life must be BOL (beginning of life) or EOL (end of life) (was '" + value + "')"));
        }
        return v;
    }
}
