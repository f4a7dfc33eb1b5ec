package org.gatewaypower.workspace;

import java.util.Map;
import java.util.function.Function;

/**
 * How the history reads one audited entity type: its kind's name (as in {@link WorkspaceChanged#kind()}),
 * its id and name, and its user-edited values by field name (SI values, enums by name).
 */
record Kind<E>(String name, Class<E> type, Function<E, Long> id, Function<E, String> nameOf,
               Function<E, Map<String, Object>> values) {
}
