package org.gatewaypower.ui.workspace;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

/** Which life the results show: end of life (the design case's array age) or beginning of life. */
final class LifeToggle extends RadioButtonGroup<LifeToggle.Life> {

    enum Life {
        EOL("End of life"), BOL("Beginning of life");

        private final String label;

        Life(String label) {
            this.label = label;
        }
    }

    LifeToggle() {
        setId("life-toggle");
        setItems(Life.values());
        setItemLabelGenerator(l -> l.label);
        setValue(Life.EOL);
    }
}
