package org.gatewaypower.ui.component;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.theme.lumo.LumoUtility.Margin;

/** The headings every page uses, written once so the pages look alike. */
public final class Headings {

    private Headings() {
    }

    /** A page's title; without margins, so it lines up with the links beside it in the page header. */
    public static H2 title(String text) {
        H2 title = new H2(text);
        title.addClassName(Margin.NONE);
        return title;
    }

    /** A section heading within a page: a small gap above and none below, closer to its content than Lumo's. */
    public static H4 section(String text) {
        H4 heading = new H4(text);
        heading.addClassNames(Margin.Top.SMALL, Margin.Bottom.NONE);
        return heading;
    }
}
