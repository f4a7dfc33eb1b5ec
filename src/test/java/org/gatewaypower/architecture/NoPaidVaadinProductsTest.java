package org.gatewaypower.architecture;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app uses Vaadin's free components only. vaadin-core 25 brings the Collaboration Engine with it, and
 * the pom excludes it; this keeps a later dependency change from bringing it (or another paid product) back.
 */
class NoPaidVaadinProductsTest {

    private static final List<String> PAID_PRODUCT_CLASSES = List.of(
            "com.vaadin.collaborationengine.CollaborationEngine",
            "com.vaadin.flow.component.charts.Chart",
            "com.vaadin.flow.component.gridpro.GridPro",
            "com.vaadin.flow.component.crud.Crud",
            "com.vaadin.flow.component.board.Board",
            "com.vaadin.flow.component.richtexteditor.RichTextEditor",
            "com.vaadin.testbench.TestBench",
            "com.vaadin.kubernetes.starter.KubernetesKitConfiguration");

    @Test
    void no_paid_vaadin_product_is_on_the_classpath() {
        assertThat(PAID_PRODUCT_CLASSES).allSatisfy(name -> assertThat(present(name))
                .as("%s is on the classpath", name).isFalse());
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, NoPaidVaadinProductsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
