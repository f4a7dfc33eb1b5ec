package org.gatewaypower.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.ReadModels;

/**
 * The columns of a power equipment list: which header means which field, in which unit, and how a
 * cell's text becomes a value. Units may be written in the header ("Operating power (kW)") or in the
 * cell ("1.2 kW"); a unit in the cell wins. Powers are returned in W, duty cycles as fractions. Numbers
 * written as text are read in the file's {@link NumberStyle} (decimal point or comma).
 */
final class LoadColumns {

    /** The field of the duty cycle in eclipse (one for every mode where the item works). */
    static final String SHADOW_DUTY = BudgetField.SHADOW_DUTY.field();

    /** The fields a column can be read into, by draft field name, with the label shown to users. */
    static Map<String, String> fields(List<ReadModels.Mode> modes) {
        return BudgetField.loadLineLabels(modes);
    }

    /** How one column is read: field (empty: ignored), unit label and the SI value of one unit. */
    record Reading(String field, String unit, double scale) {

        static final Reading IGNORED = new Reading("", "", 1);

        boolean power() {
            return field.endsWith("PowerW");
        }

        boolean duty() {
            return field.startsWith("dutyByMode.") || field.equals(SHADOW_DUTY);
        }
    }

    private LoadColumns() {
    }

    /** The field a header names, guessed from common spreadsheet wordings; empty when none fits. */
    static Reading guess(String header, List<ReadModels.Mode> modes, List<RawTable.Cell> sample, NumberStyle numbers) {
        String h = normal(header);
        if (h.isEmpty() || h.equals("element") || h.startsWith("last edit") || h.equals("id") || h.equals("owner")) {
            return Reading.IGNORED;
        }
        if (h.contains("duty") && (h.contains("eclipse") || h.contains("shadow"))) {
            return dutyReading(SHADOW_DUTY, header, sample, numbers);
        }
        if (h.contains("duty")) {
            // The longest mode name found as whole words: "Duty Uncrewed" is not the mode "Crewed".
            return modes.stream()
                    .filter(m -> Pattern.compile("\\b" + Pattern.quote(normal(m.name())) + "\\b").matcher(h).find())
                    .max(java.util.Comparator.comparingInt(m -> normal(m.name()).length()))
                    .map(m -> dutyReading("dutyByMode." + m.id(), header, sample, numbers))
                    .orElse(Reading.IGNORED);
        }
        if (h.contains("standby") || h.contains("idle") || h.contains("keep alive")) {
            return powerReading("standbyPowerW", header);
        }
        if (h.contains("peak") || h.startsWith("max")) {
            return powerReading("peakPowerW", header);
        }
        if (h.contains("operating") || h.contains("nominal") || h.equals("power") || h.startsWith("power ")) {
            return powerReading("operatingPowerW", header);
        }
        if (h.equals("qty") || h.startsWith("quantity") || h.equals("count") || h.equals("no of units")
                || h.equals("number of units")) {
            return new Reading("quantity", "", 1);
        }
        if (h.startsWith("subsystem") || h.equals("system")) {
            return new Reading("subsystem", "", 1);
        }
        if (h.startsWith("bus") || h.startsWith("voltage")) {
            return new Reading("bus", "", 1);
        }
        if (h.startsWith("maturity") || h.contains("contingency class") || h.contains("margin class")) {
            return new Reading("maturity", "", 1);
        }
        if (h.startsWith("priority") || h.startsWith("criticality")) {
            return new Reading("priority", "", 1);
        }
        if (h.equals("name") || h.startsWith("load name") || h.startsWith("item") || h.startsWith("equipment")
                || h.equals("load")) {
            return new Reading("name", "", 1);
        }
        return Reading.IGNORED;
    }

    /** How a column chosen by the user for {@code field} is read, with the unit taken from its header. */
    static Reading forField(String field, String header, List<RawTable.Cell> sample, NumberStyle numbers) {
        if (field == null || field.isEmpty()) {
            return Reading.IGNORED;
        }
        if (field.endsWith("PowerW")) {
            return powerReading(field, header);
        }
        if (field.startsWith("dutyByMode.") || field.equals(SHADOW_DUTY)) {
            return dutyReading(field, header, sample, numbers);
        }
        return new Reading(field, "", 1);
    }

    private static Reading powerReading(String field, String header) {
        String h = header.toLowerCase(Locale.ROOT);
        if (Pattern.compile("\\bmw\\b").matcher(h).find()) {
            return new Reading(field, "MW", 1e6);
        }
        if (Pattern.compile("\\bkw\\b").matcher(h).find()) {
            return new Reading(field, "kW", 1e3);
        }
        return new Reading(field, "W", 1);
    }

    /**
     * Duty cycles are read in % when the header says so or any value exceeds 1 (nobody means 0.5 %
     * by 0.5), otherwise as fractions of the time.
     */
    private static Reading dutyReading(String field, String header, List<RawTable.Cell> sample, NumberStyle numbers) {
        String h = header.toLowerCase(Locale.ROOT);
        boolean percent = h.contains("%") || h.contains("percent") || sample.stream()
                .anyMatch(c -> c.text().contains("%") || number(c, numbers).map(v -> v > 1).orElse(false));
        return percent ? new Reading(field, "%", 0.01) : new Reading(field, "fraction", 1);
    }

    private static Optional<Double> number(RawTable.Cell c, NumberStyle numbers) {
        return c.number() != null ? Optional.of(c.number()) : numbers.lenient(c.text());
    }

    /** A value that could not be read; the message names the rule. */
    static final class CellException extends RuntimeException {
        CellException(String message) {
            super(message);
        }
    }

    /** A power in W, or null for a blank cell; a unit in the cell wins over the column's. */
    static Double power(RawTable.Cell c, Reading r, String label, NumberStyle numbers) {
        return measured(c, r, label, numbers, "in W or kW", (unit, text) -> switch (unit.toLowerCase(Locale.ROOT)) {
            case "w" -> 1.0;
            case "kw" -> 1e3;
            case "mw" -> 1e6;
            case "wh", "kwh", "mwh", "j", "kj", "mj" -> throw new CellException(label + " must be a power (W, kW), "
                    + "not an energy (was '" + text + "')");
            default -> throw new CellException(label + " has an unknown unit '" + unit + "'; use W or kW (was '"
                    + text + "')");
        });
    }

    /** A duty cycle as a fraction, or null for a blank cell. */
    static Double duty(RawTable.Cell c, Reading r, String label, NumberStyle numbers) {
        return measured(c, r, label, numbers, "in % of the time", (unit, text) -> {
            if (unit.equals("%")) {
                return 0.01;
            }
            throw new CellException(label + " must be in % of the time (was '" + text + "')");
        });
    }

    /**
     * A number read in the column's unit ({@code r.scale()}), or in the unit written in the cell
     * ({@code unitScale} gives its SI value or refuses it); null for a blank cell.
     */
    private static Double measured(RawTable.Cell c, Reading r, String label, NumberStyle numbers, String inUnits,
                                   java.util.function.BiFunction<String, String, Double> unitScale) {
        if (c.blank()) {
            return null;
        }
        if (c.number() != null) {
            return c.number() * r.scale();
        }
        String t = c.text().strip();
        NumberStyle.Parsed p = numbers.read(t, label);
        if (p == null) {
            String wrongMark = numbers.wrongMark(t, label);
            throw new CellException(wrongMark != null ? wrongMark : label + " must be a number " + inUnits
                    + " (was '" + t + "')");
        }
        // Scaled in decimal, so that "1,5 kW" is stored as the double nearest 1500 W, as written.
        double scale = p.unit() == null ? r.scale() : unitScale.apply(p.unit(), t);
        return p.value().multiply(java.math.BigDecimal.valueOf(scale)).doubleValue();
    }

    static Integer quantity(RawTable.Cell c, String label, NumberStyle numbers) {
        if (c.blank()) {
            return null;
        }
        double v;
        if (c.number() != null) {
            v = c.number();
        } else {
            NumberStyle.Parsed p = numbers.read(c.text().strip(), label);
            if (p == null || p.unit() != null) {
                throw new CellException(label + " must be a whole number (was '" + c.text() + "')");
            }
            v = p.value().doubleValue();
        }
        if (v != Math.rint(v) || Math.abs(v) > 1e9) {
            throw new CellException(label + " must be a whole number (was '" + c.text() + "')");
        }
        return (int) v;
    }

    static Bus bus(RawTable.Cell c) {
        String t = c.text().strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (t.isEmpty()) {
            return null;
        }
        for (Bus b : Bus.values()) {
            String volts = b.label().replace(" ", "").toUpperCase(Locale.ROOT);
            if (t.equals(b.name()) || t.equals(volts) || t.equals(volts.replace("V", "")) || t.equals(volts + "DC")) {
                return b;
            }
        }
        throw new CellException("Bus must be one of 120 V or 28 V (was '" + c.text() + "')");
    }

    static MaturityClass maturity(RawTable.Cell c) {
        String t = normal(c.text());
        if (t.isEmpty()) {
            return null;
        }
        for (MaturityClass m : MaturityClass.values()) {
            String pct = Math.round(m.contingency() * 100) + "";
            if (t.equals(normal(m.label())) || t.equals(normal(m.name())) || t.startsWith(normal(m.label()) + " ")
                    || t.equals(pct) || t.equals(pct + " %") || t.equals(pct + "%")) {
                return m;
            }
        }
        if (t.equals("ots") || t.equals("cots")) {
            return MaturityClass.OFF_THE_SHELF;
        }
        throw new CellException("Maturity class must be Off the shelf, Modified or New design (was '" + c.text()
                + "')");
    }

    static LoadPriority priority(RawTable.Cell c) {
        String t = normal(c.text());
        if (t.isEmpty()) {
            return null;
        }
        for (LoadPriority p : LoadPriority.values()) {
            if (t.equals(normal(p.label())) || t.equals(normal(p.name()))) {
                return p;
            }
        }
        throw new CellException("Priority must be Critical, Essential or Deferrable (was '" + c.text() + "')");
    }

    /** Lower case, punctuation and brackets turned into single spaces. */
    static String normal(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9%]+", " ").strip();
    }

    /** The readings of every column, letting {@code chosen} (column → field) override guesses. */
    static List<Reading> readings(RawTable table, List<ReadModels.Mode> modes, Map<Integer, String> chosen,
                                  NumberStyle numbers) {
        List<Reading> out = new ArrayList<>();
        for (int c = 0; c < table.headers().size(); c++) {
            int column = c;
            List<RawTable.Cell> sample = table.rows().stream().map(r -> r.cell(column)).toList();
            String header = table.headers().get(c);
            out.add(chosen.containsKey(c) ? forField(chosen.get(c), header, sample, numbers)
                    : guess(header, modes, sample, numbers));
        }
        return out;
    }
}
