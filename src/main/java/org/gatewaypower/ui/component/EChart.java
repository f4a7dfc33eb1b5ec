package org.gatewaypower.ui.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * Server side of the {@code <gp-echart>} web component: the whole Apache ECharts option is built
 * in Java (as JSON) and pushed to the browser, which only renders it.
 */
@Tag("gp-echart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./gp-echart.ts")
public class EChart extends Component implements HasSize, HasStyle {

    /** Replaces the chart's option (an ECharts option object as JSON). */
    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
    }

}
