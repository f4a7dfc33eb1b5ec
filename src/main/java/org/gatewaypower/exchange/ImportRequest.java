package org.gatewaypower.exchange;

import java.util.Map;

/**
 * A file to import into one element's power equipment list.
 *
 * @param sheet   which sheet of a workbook (null: the one named like the element, else the first)
 * @param mapping column index → field ({@code ""} ignores the column); null uses the user's last mapping
 *                for this element where the headers match, and guesses from the headers elsewhere
 */
public record ImportRequest(long workspaceId, long elementId, String fileName, byte[] content, String sheet,
                            Map<Integer, String> mapping) {
}
