package org.gatewaypower.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.exchange.ExportService;
import org.gatewaypower.exchange.ImportPreview;
import org.gatewaypower.exchange.ImportRequest;
import org.gatewaypower.exchange.ImportService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Spreadsheet export of a workspace and import of a power equipment list into an element. */
@RestController
class ExchangeApi {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ExportService exports;
    private final ImportService imports;
    private final org.gatewaypower.exchange.ArchiveService archives;
    private final WorkspaceService workspaces;
    private final ObjectMapper json;
    private final ObjectMapper strict;

    ExchangeApi(ExportService exports, ImportService imports, WorkspaceService workspaces, ObjectMapper json,
                org.gatewaypower.exchange.ArchiveService archives) {
        this.archives = archives;
        this.exports = exports;
        this.imports = imports;
        this.workspaces = workspaces;
        this.json = json;
        this.strict = json instanceof tools.jackson.databind.json.JsonMapper m ? StrictJson.strict(m) : json;
    }

    @GetMapping("/api/v1/workspaces/{id}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, Principal principal) {
        byte[] body = exports.xlsx(id, principal.getName());
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                attachment(id, ".xlsx")).body(body);
    }

    @GetMapping("/api/v1/workspaces/{id}/loads.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id, Principal principal) {
        byte[] body = exports.csv(id, principal.getName()).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(id, "-loads.csv")).body(body);
    }

    /**
     * Imports an {@code .xlsx} or CSV file (multipart field {@code file}) into an element. With
     * {@code dryRun=true} (the default) nothing is saved and the preview says what would happen; with
     * {@code dryRun=false} the import is saved all or nothing. {@code mapping} optionally maps column
     * indexes to fields as JSON, e.g. {@code {"0":"name","3":"operatingPowerW"}}. {@code separator}
     * ({@code auto}, {@code comma}, {@code semicolon}, {@code tab}) and {@code decimalMark} ({@code auto},
     * {@code point}, {@code comma}) say how a CSV file is written; by default both are detected.
     */
    @PostMapping(value = "/api/v1/workspaces/{id}/elements/{elementId}/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Object importLoads(@PathVariable long id, @PathVariable long elementId, @RequestPart("file") MultipartFile file,
                       @RequestParam(defaultValue = "true") boolean dryRun,
                       @RequestParam(required = false) String sheet,
                       @RequestParam(required = false) String mapping,
                       @RequestParam(required = false) String separator,
                       @RequestParam(required = false) String decimalMark, Principal principal) throws IOException {
        ImportRequest request = new ImportRequest(id, elementId, file.getOriginalFilename(), file.getBytes(), sheet,
                mapping(mapping), choice("separator", separator, ImportRequest.Separator.class),
                choice("decimalMark", decimalMark, ImportRequest.DecimalMark.class));
        if (dryRun) {
            ImportPreview preview = imports.preview(request, principal.getName());
            return preview;
        }
        return imports.apply(request, principal.getName());
    }

    /** An optional choice by its lower-case name; anything else is refused naming the parameter and its values. */
    private static <E extends Enum<E>> E choice(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation(parameter, "Parameter '"
                + parameter + "' must be one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList()) + " (was '" + value + "')")));
    }

    /** The whole workspace as a versioned JSON archive (inputs, modes, timeline, members, baselines). */
    @GetMapping("/api/v1/workspaces/{id}/archive.json")
    ResponseEntity<byte[]> archive(@PathVariable long id, Principal principal) {
        byte[] body = archives.export(id, principal.getName());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_DISPOSITION,
                attachment(id, "-archive.json")).body(body);
    }

    /** Imports an archive (the request body) as a new workspace; {@code name} renames it. */
    @PostMapping(value = "/api/v1/workspace-archives", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<org.gatewaypower.exchange.WorkspaceArchive.Imported> importArchive(
            @RequestBody byte[] body, @RequestParam(required = false) String name, Principal principal) {
        requireStrictArchive(body);
        var imported = archives.importArchive(body, name, principal.getName());
        return ResponseEntity.created(java.net.URI.create("/api/v1/workspaces/" + imported.workspaceId()))
                .body(imported);
    }

    /**
     * Reads an uploaded archive as strictly as every other request body (whole numbers as integers, enums
     * by name, instants as ISO-8601 strings), so that the import cannot store 2.9 as 2 or an ordinal as an
     * enum; a refusal names the field by its path in the archive, e.g. {@code workspace.loads.0.quantity}.
     * What is not JSON, or not an archive, is left to the archive service to explain.
     */
    private void requireStrictArchive(byte[] body) {
        tools.jackson.databind.JsonNode tree;
        try {
            tree = strict.readTree(body);
        } catch (tools.jackson.core.JacksonException notJson) {
            return;
        }
        if (tree == null || !tree.isObject()) {
            return;
        }
        tools.jackson.databind.JsonNode version = tree.get("version");
        if (version != null && !version.isIntegralNumber()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("version",
                    "Field 'version' must be a whole number (a JSON integer such as 1), was " + version)));
        }
        try {
            strict.treeToValue(tree, org.gatewaypower.exchange.WorkspaceArchive.class);
        } catch (tools.jackson.databind.exc.MismatchedInputException ex) {
            String field = ex.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : String.valueOf(r.getIndex())).collect(java.util.stream.Collectors.joining("."));
            String f = field.isEmpty() ? "file" : field;
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation(f,
                    "Field '" + f + "' of the archive is not valid: " + ex.getOriginalMessage())));
        } catch (tools.jackson.core.JacksonException ex) {
            // Anything else (e.g. a number beyond range) the archive service reports as it always did.
        }
    }

    private Map<Integer, String> mapping(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, new TypeReference<Map<Integer, String>>() {
            });
        } catch (tools.jackson.core.JacksonException ex) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("mapping",
                    "Mapping must be a JSON object from column index to field name, e.g. {\"0\":\"name\"}")));
        }
    }

    private String attachment(long id, String suffix) {
        String name = workspaces.snapshot(id).name().replaceAll("[^A-Za-z0-9._-]+", "-") + suffix;
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
