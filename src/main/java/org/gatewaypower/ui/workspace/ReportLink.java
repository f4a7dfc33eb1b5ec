package org.gatewaypower.ui.workspace;

import java.io.ByteArrayInputStream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.report.ReportService;

/** The workspace page's "PDF report" link: the report is rendered when the link is followed, so it is current. */
final class ReportLink {

    private ReportLink() {
    }

    /**
     * A download link to the workspace's report of its current inputs, rendered for {@code user}. The report
     * service is looked up through Vaadin's Spring instantiator so that the page needs no extra constructor
     * argument.
     */
    static Anchor create(long workspaceId, String workspaceName, String user) {
        org.gatewaypower.baseline.EditionReports reports = Instantiator.get(UI.getCurrent())
                .getOrCreate(org.gatewaypower.baseline.EditionReports.class);
        String fileName = ReportService.fileName(workspaceName);
        Anchor link = new Anchor();
        link.setText("PDF report");
        link.setId("report-pdf");
        link.addClassName(LumoUtility.Whitespace.NOWRAP);
        link.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = reports.current(workspaceId, user);
            return new DownloadResponse(new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length);
        }), AttachmentType.DOWNLOAD);
        return link;
    }
}
