/**
 * Spreadsheets in and out: import a team's power equipment list from {@code .xlsx} or CSV into an
 * element (preview, column mapping, all-or-nothing apply through the workspace service, so that
 * validation, ownership, optimistic locking and the audit trail apply), and export the workspace's
 * budget to {@code .xlsx} and CSV in the same layout, so that an export re-imports to the same data.
 */
package org.gatewaypower.exchange;
